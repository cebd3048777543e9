#version 450
// Tiled matrix × matrix (prompt batches) with BF16 weights; see matmul_head.glsl.
#include "matmul_head.glsl"
#include "decode_bf16.glsl"
#include "matmul_main.glsl"
