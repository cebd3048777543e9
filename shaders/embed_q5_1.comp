#version 450
// Embedding lookup from a Q5_1 table; see embed_head.glsl.
#include "embed_head.glsl"
#include "decode_q5_1.glsl"
#include "embed_main.glsl"
