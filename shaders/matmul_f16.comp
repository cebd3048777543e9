#version 450
// Matrix × vectors with F16 weights, one row per invocation; see matmul_main.glsl.
#include "matvec_head.glsl"
#include "decode_f16.glsl"
#include "matmul_main.glsl"
