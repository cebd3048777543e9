// out[t] = row tokens[t] of the embedding table, dequantized (8 values per invocation). A
// table split over several buffers is looked up once per part; a part skips tokens that
// are not among its rows [rowBegin, rowBegin + rows).
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(push_constant) uniform Push {
    uint wOff;
    uint sOff;
    uint stepOff;
    uint yOff;
    uint rowBegin;
    uint rows;
    uint cols;
    uint rowWords;
    uint yStride;
} p;

#include "weights_binding.glsl"
layout(std430, binding = 1) readonly buffer StepWords { uint S[]; };
layout(std430, binding = 2) writeonly buffer Output { float Y[]; };
