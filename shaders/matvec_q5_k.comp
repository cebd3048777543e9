#version 450
// Matrix × vector(s) with Q5_K weights; see matvec_head.glsl.
#include "matvec_head.glsl"
#include "decode_q5_k.glsl"
#include "matvec_main.glsl"
