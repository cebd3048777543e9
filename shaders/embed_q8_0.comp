#version 450
// Embedding lookup from a Q8_0 table; see embed_head.glsl.
#include "embed_head.glsl"
#include "decode_q8_0.glsl"
#include "embed_main.glsl"
