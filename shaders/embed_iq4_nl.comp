#version 450
// Embedding lookup from a IQ4_NL table; see embed_head.glsl.
#include "embed_head.glsl"
#include "decode_iq4_nl.glsl"
#include "embed_main.glsl"
