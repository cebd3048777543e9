#version 450
// Matrix × vector(s) with Q2_K weights; see matvec_head.glsl.
#include "matvec_head.glsl"
#include "decode_q2_k.glsl"
#include "matvec_main.glsl"
