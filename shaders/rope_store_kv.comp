#version 450
// Fused step after the QKV projection: adds the optional QKV bias, rotates q and k (RoPE,
// interleaved or NeoX pairs, optional per-frequency divisors; none for NoPE layers) and stores k and v as fp16 in
// the KV cache at positions pos + t. One invocation produces two adjacent outputs (one
// cache word), reading each output's rotation partner, so nothing is updated in place.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(push_constant) uniform Push {
    uint qkvOff;     // n × stride: q (nHead·hd) | k (nKv·hd) | v (nKv·hd)
    uint biasOff;    // one row in the qkv layout (flags & 2)
    uint factorsOff; // hd/2 frequency divisors (flags & 4)
    uint qOutOff;    // n × qStride
    uint kOff;       // this layer's cache: nKv × capacity × hd halves, two per word
    uint vOff;
    uint stepOff;
    uint stride;
    uint qStride;
    uint nHead;
    uint nKv;
    uint hd;
    uint capacity;
    float freqBase;
    uint flags;     // 1: NeoX pairs (x[i], x[i + hd/2]); else (x[2i], x[2i+1]); 8: no rotation (NoPE)
    float freqScale; // linear RoPE scaling: positions are multiplied by it
    float attnFactor; // rotated values are multiplied by it (Phi-3's LongRoPE magnitude scale)
} p;
layout(std430, binding = 0) readonly buffer Qkv { float QKV[]; };
layout(std430, binding = 1) readonly buffer Bias { float B[]; };
layout(std430, binding = 2) readonly buffer Factors { float F[]; };
layout(std430, binding = 3) writeonly buffer QOut { float Q[]; };
layout(std430, binding = 4) writeonly buffer KCache { uint K[]; };
layout(std430, binding = 5) writeonly buffer VCache { uint V[]; };
layout(std430, binding = 6) readonly buffer StepWords { uint S[]; };

float value(uint rowBase, uint e) {
    float v = QKV[p.qkvOff + rowBase + e];
    if ((p.flags & 2u) != 0) v += B[p.biasOff + e];
    return v;
}

// Rotated element d of the head starting at element `head` of the token row.
float rotated(uint rowBase, uint head, uint d, float pos) {
    if ((p.flags & 8u) != 0) return value(rowBase, head + d);
    const uint half_ = p.hd / 2;
    uint i, partner;
    bool first;
    if ((p.flags & 1u) != 0) {
        i = d % half_;
        first = d < half_;
        partner = first ? d + half_ : d - half_;
    } else {
        i = d / 2;
        first = (d & 1u) == 0;
        partner = first ? d + 1 : d - 1;
    }
    float theta = pos * p.freqScale * pow(p.freqBase, -2.0 * float(i) / float(p.hd));
    if ((p.flags & 4u) != 0) theta /= F[p.factorsOff + i];
    const float c = cos(theta), s = sin(theta);
    const float x = value(rowBase, head + d), y = value(rowBase, head + partner);
    return (first ? x * c - y * s : y * s + x * c) * p.attnFactor;
}

void main() {
    const uint j = gl_GlobalInvocationID.x, t = gl_WorkGroupID.y;
    const uint qElems = p.nHead * p.hd, kvElems = p.nKv * p.hd;
    if (2 * j >= qElems + 2 * kvElems || t >= S[p.stepOff + STEP_N]) return;
    const uint e = 2 * j, rowBase = t * p.stride;
    const uint pos = S[p.stepOff + STEP_POS] + t;
    if (e < qElems) {
        const uint head = (e / p.hd) * p.hd, d = e % p.hd;
        Q[p.qOutOff + t * p.qStride + e] = rotated(rowBase, head, d, float(pos));
        Q[p.qOutOff + t * p.qStride + e + 1] = rotated(rowBase, head, d + 1, float(pos));
        return;
    }
    const bool isK = e < qElems + kvElems;
    const uint local = e - qElems - (isK ? 0 : kvElems);
    const uint h = local / p.hd, d = local % p.hd;
    vec2 v;
    if (isK) {
        const uint head = qElems + h * p.hd;
        v = vec2(rotated(rowBase, head, d, float(pos)), rotated(rowBase, head, d + 1, float(pos)));
    } else {
        v = vec2(value(rowBase, e), value(rowBase, e + 1));
    }
    const uint word = ((h * p.capacity + pos) * p.hd + d) / 2;
    if (isK) K[p.kOff + word] = packHalf2x16(v);
    else V[p.vOff + word] = packHalf2x16(v);
}
