#version 450
// Matrix × vectors with Q4_K weights, one row per invocation; see matmul_main.glsl.
#include "matvec_head.glsl"
#include "decode_q4_k.glsl"
#include "matmul_main.glsl"
