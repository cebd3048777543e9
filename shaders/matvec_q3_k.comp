#version 450
// Matrix × vector(s) with Q3_K weights; see matvec_head.glsl.
#include "matvec_head.glsl"
#include "decode_q3_k.glsl"
#include "matvec_main.glsl"
