#version 450
// Tiled matrix × matrix (prompt batches) with Q4_1 weights; see matmul_head.glsl.
#include "matmul_head.glsl"
#include "decode_q4_1.glsl"
#include "matmul_main.glsl"
