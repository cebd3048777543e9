#version 450
// Tiled matrix × matrix (prompt batches) with Q4_K weights; see matmul_head.glsl.
#include "matmul_head.glsl"
#include "decode_q4_k.glsl"
#include "matmul_main.glsl"
