// out[t] = row tokens[t] of the embedding table, dequantized (8 values per invocation).
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(push_constant) uniform Push {
    Words w;
    Words ws;
    Floats y;
    Step step;
    uint rows;
    uint cols;
    uint rowWords;
    uint yStride;
} p;
