#version 450
// Embedding lookup from a F32 table; see embed_head.glsl.
#include "embed_head.glsl"
#include "decode_f32.glsl"
#include "embed_main.glsl"
