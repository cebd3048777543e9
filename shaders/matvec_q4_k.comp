#version 450
// Matrix × vector(s) with Q4_K weights; see matvec_head.glsl.
#include "matvec_head.glsl"
#include "decode_q4_k.glsl"
#include "matvec_main.glsl"
