#version 450
// Matrix × vector(s) with F32 weights; see matvec_head.glsl.
#include "matvec_head.glsl"
#include "decode_f32.glsl"
#include "matvec_main.glsl"
