#version 450
// Matrix × vectors with BF16 weights, one row per invocation; see matmul_main.glsl.
#include "matvec_head.glsl"
#include "decode_bf16.glsl"
#include "matmul_main.glsl"
