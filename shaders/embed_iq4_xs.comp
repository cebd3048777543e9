#version 450
// Embedding lookup from a IQ4_XS table; see embed_head.glsl.
#include "embed_head.glsl"
#include "decode_iq4_xs.glsl"
#include "embed_main.glsl"
