#version 450
// Merges the per-split partial softmax results of attention.comp: workgroup (h, t).
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(push_constant) uniform Push {
    uint partialOff;
    uint oOff;
    uint stepOff;
    uint oStride;
    uint nHead;
    uint hd;
} p;
layout(std430, binding = 0) readonly buffer Partial { float P[]; };
layout(std430, binding = 1) writeonly buffer Output { float O[]; };
layout(std430, binding = 2) readonly buffer StepWords { uint S[]; };

void main() {
    const uint h = gl_WorkGroupID.x, t = gl_WorkGroupID.y;
    const uint nSplit = max(S[p.stepOff + STEP_NSPLIT], 1u);
    const uint base = p.partialOff + (t * p.nHead + h) * nSplit * (p.hd + 2);
    float m = -1.0 / 0.0;
    for (uint s = 0; s < nSplit; ++s) m = max(m, P[base + s * (p.hd + 2)]);
    float l = 0.0;
    for (uint s = 0; s < nSplit; ++s) {
        const uint b = base + s * (p.hd + 2);
        if (P[b + 1] > 0.0) l += P[b + 1] * exp(P[b] - m);
    }
    for (uint d = gl_LocalInvocationID.x; d < p.hd; d += gl_WorkGroupSize.x) {
        float acc = 0.0;
        for (uint s = 0; s < nSplit; ++s) {
            const uint b = base + s * (p.hd + 2);
            if (P[b + 1] > 0.0) acc += P[b + 2 + d] * exp(P[b] - m);
        }
        O[p.oOff + t * p.oStride + h * p.hd + d] = acc / l;
    }
}
