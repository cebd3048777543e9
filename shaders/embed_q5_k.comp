#version 450
// Embedding lookup from a Q5_K table; see embed_head.glsl.
#include "embed_head.glsl"
#include "decode_q5_k.glsl"
#include "embed_main.glsl"
