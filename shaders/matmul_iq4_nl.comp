#version 450
// Tiled matrix × matrix (prompt batches) with IQ4_NL weights; see matmul_head.glsl.
#include "matmul_head.glsl"
#include "decode_iq4_nl.glsl"
#include "matmul_main.glsl"
