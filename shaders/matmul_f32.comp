#version 450
// Matrix × vectors with F32 weights, one row per invocation; see matmul_main.glsl.
#include "matvec_head.glsl"
#include "decode_f32.glsl"
#include "matmul_main.glsl"
