#version 450
// Embedding lookup from a Q2_K table; see embed_head.glsl.
#include "embed_head.glsl"
#include "decode_q2_k.glsl"
#include "embed_main.glsl"
