#version 450
// Matrix × vector(s) with Q8_0 weights; see matvec_head.glsl.
#include "matvec_head.glsl"
#include "decode_q8_0.glsl"
#include "matvec_main.glsl"
