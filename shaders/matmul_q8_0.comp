#version 450
// Tiled matrix × matrix (prompt batches) with Q8_0 weights; see matmul_head.glsl.
#include "matmul_head.glsl"
#include "decode_q8_0.glsl"
#include "matmul_main.glsl"
