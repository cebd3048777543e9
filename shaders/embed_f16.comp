#version 450
// Embedding lookup from a F16 table; see embed_head.glsl.
#include "embed_head.glsl"
#include "decode_f16.glsl"
#include "embed_main.glsl"
