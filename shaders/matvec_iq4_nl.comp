#version 450
// Matrix × vector(s) with IQ4_NL weights; see matvec_head.glsl.
#include "matvec_head.glsl"
#include "decode_iq4_nl.glsl"
#include "matvec_main.glsl"
