#version 450
// Copies the logits of a short list of token ids (the ones a repetition penalty changes), so
// a sampling step on top-k candidates needs nothing else from the vocabulary. The list is
// written by the host before each submit: Ids[idsOff] = count, then the ids.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(push_constant) uniform Push {
    uint logitsOff;
    uint idsOff;
    uint outOff;
    uint vocab;
    uint maxCount;
} p;
layout(std430, binding = 0) readonly buffer Logits { uint L[]; }; // float bits, copied unchanged
layout(std430, binding = 1) readonly buffer Ids { uint ID[]; };
layout(std430, binding = 2) writeonly buffer Out { uint O[]; };

void main() {
    const uint count = min(ID[p.idsOff], p.maxCount);
    for (uint i = gl_LocalInvocationID.x; i < count; i += gl_WorkGroupSize.x) {
        const uint id = ID[p.idsOff + 1u + i];
        O[p.outOff + i] = id < p.vocab ? L[p.logitsOff + id] : 0xFF800000u; // -inf for a bad id
    }
}
