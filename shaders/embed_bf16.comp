#version 450
// Embedding lookup from a BF16 table; see embed_head.glsl.
#include "embed_head.glsl"
#include "decode_bf16.glsl"
#include "embed_main.glsl"
