#version 450
// Matrix × vector(s) with Q5_1 weights; see matvec_head.glsl.
#include "matvec_head.glsl"
#include "decode_q5_1.glsl"
#include "matvec_main.glsl"
