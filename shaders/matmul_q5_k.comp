#version 450
// Tiled matrix × matrix (prompt batches) with Q5_K weights; see matmul_head.glsl.
#include "matmul_head.glsl"
#include "decode_q5_k.glsl"
#include "matmul_main.glsl"
