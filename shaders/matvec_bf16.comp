#version 450
// Matrix × vector(s) with BF16 weights; see matvec_head.glsl.
#include "matvec_head.glsl"
#include "decode_bf16.glsl"
#include "matvec_main.glsl"
