#version 450
// Embedding lookup from a Q4_1 table; see embed_head.glsl.
#include "embed_head.glsl"
#include "decode_q4_1.glsl"
#include "embed_main.glsl"
