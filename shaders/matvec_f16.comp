#version 450
// Matrix × vector(s) with F16 weights; see matvec_head.glsl.
#include "matvec_head.glsl"
#include "decode_f16.glsl"
#include "matvec_main.glsl"
