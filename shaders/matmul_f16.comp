#version 450
// Tiled matrix × matrix (prompt batches) with F16 weights; see matmul_head.glsl.
#include "matmul_head.glsl"
#include "decode_f16.glsl"
#include "matmul_main.glsl"
