#version 450
// Embedding lookup from a Q5_0 table; see embed_head.glsl.
#include "embed_head.glsl"
#include "decode_q5_0.glsl"
#include "embed_main.glsl"
