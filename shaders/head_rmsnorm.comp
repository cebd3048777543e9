#version 450
// Qwen3's query/key norm: RMSNorm over each head of a token's qkv row, in place, before RoPE.
// Workgroup (r, t) normalises head r of token t; heads below nHead are query heads (q weights),
// the next nKv are key heads (k weights); the weights are shared by all heads of a kind.
#include "common.glsl"
#include "reduce.glsl"

layout(local_size_x_id = 0) in;
layout(push_constant) uniform Push {
    uint xOff;   // n × stride: q (nHead·hd) | k (nKv·hd) | v
    uint qwOff;  // hd floats
    uint kwOff;  // hd floats
    uint stride;
    uint nHead;
    uint hd;
    float eps;
} p;
layout(std430, binding = 0) buffer Qkv { float X[]; };
layout(std430, binding = 1) readonly buffer QWeight { float QW[]; };
layout(std430, binding = 2) readonly buffer KWeight { float KW[]; };

void main() {
    const uint r = gl_WorkGroupID.x, t = gl_WorkGroupID.y;
    const uint base = p.xOff + t * p.stride + r * p.hd;
    float ss = 0.0;
    for (uint i = gl_LocalInvocationID.x; i < p.hd; i += gl_WorkGroupSize.x) {
        const float v = X[base + i];
        ss += v * v;
    }
    // Every invocation rewrites only the elements it read, after the reduction's barriers.
    const float scale = inversesqrt(workgroupSum(ss) / float(p.hd) + p.eps);
    for (uint i = gl_LocalInvocationID.x; i < p.hd; i += gl_WorkGroupSize.x)
        X[base + i] *= scale * (r < p.nHead ? QW[p.qwOff + i] : KW[p.kwOff + i]);
}
