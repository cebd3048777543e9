#version 450
// Tiled matrix × matrix (prompt batches) with Q5_0 weights; see matmul_head.glsl.
#include "matmul_head.glsl"
#include "decode_q5_0.glsl"
#include "matmul_main.glsl"
