#version 450
// Matrix × vectors with Q8_0 weights, one row per invocation; see matmul_main.glsl.
#include "matvec_head.glsl"
#include "decode_q8_0.glsl"
#include "matmul_main.glsl"
