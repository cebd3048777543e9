#version 450
// Matrix × vectors with Q4_0 weights, one row per invocation; see matmul_main.glsl.
#include "matvec_head.glsl"
#include "decode_q4_0.glsl"
#include "matmul_main.glsl"
