#version 450
// Tiled matrix × matrix (prompt batches) with F32 weights; see matmul_head.glsl.
#include "matmul_head.glsl"
#include "decode_f32.glsl"
#include "matmul_main.glsl"
