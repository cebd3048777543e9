#version 450
// Merges the per-split partial softmax results of attention.comp: workgroup (h, t).
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(push_constant) uniform Push {
    Floats partial;
    Floats dst;
    Step step;
    uint oStride;
    uint nHead;
    uint hd;
} p;

void main() {
    const uint h = gl_WorkGroupID.x, t = gl_WorkGroupID.y;
    const uint nSplit = max(p.step.nSplit, 1u);
    const uint base = (t * p.nHead + h) * nSplit * (p.hd + 2);
    float m = -1.0 / 0.0;
    for (uint s = 0; s < nSplit; ++s) m = max(m, p.partial.v[base + s * (p.hd + 2)]);
    float l = 0.0;
    for (uint s = 0; s < nSplit; ++s) {
        const uint b = base + s * (p.hd + 2);
        if (p.partial.v[b + 1] > 0.0) l += p.partial.v[b + 1] * exp(p.partial.v[b] - m);
    }
    for (uint d = gl_LocalInvocationID.x; d < p.hd; d += gl_WorkGroupSize.x) {
        float acc = 0.0;
        for (uint s = 0; s < nSplit; ++s) {
            const uint b = base + s * (p.hd + 2);
            if (p.partial.v[b + 1] > 0.0) acc += p.partial.v[b + 2 + d] * exp(p.partial.v[b] - m);
        }
        p.dst.v[t * p.oStride + h * p.hd + d] = acc / l;
    }
}
