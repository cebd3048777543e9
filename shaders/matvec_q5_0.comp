#version 450
// Matrix × vector(s) with Q5_0 weights; see matvec_head.glsl.
#include "matvec_head.glsl"
#include "decode_q5_0.glsl"
#include "matvec_main.glsl"
