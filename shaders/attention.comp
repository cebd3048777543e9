#version 450
// Causal attention of token t (at pos + t) and query head h over the fp16 KV cache, with an
// online softmax over blocks of WG positions. Optional per layer: a sliding window (only the last
// `window` positions are seen; splits before it stay empty) and tanh soft-capping of the scores.
// Workgroup (h, t, s) covers split s of the positions (flash-decoding): with one split it writes
// the output, otherwise a partial (max, sum, unnormalised output) that attention_combine.comp merges.
#include "common.glsl"
#include "reduce.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 0) const uint WG = 64;
const uint MAX_HEAD_DIM = 256;
const uint DIMS_PER_THREAD = (MAX_HEAD_DIM + WG - 1) / WG;

layout(push_constant) uniform Push {
    uint qOff;       // n × qStride, head h at h·hd
    uint kOff;       // this layer's cache: nKv × capacity × hd halves, two per word
    uint vOff;
    uint oOff;       // n × oStride
    uint partialOff; // (n × nHead × nSplit) × (hd + 2)
    uint stepOff;
    uint qStride;
    uint oStride;
    uint nHead;
    uint nKv;
    uint hd;
    uint capacity;
    float scale;
    uint window;   // > 0: keys kvLen - window .. kvLen - 1 only
    float softCap; // > 0: score = softCap · tanh(score / softCap)
} p;
layout(std430, binding = 0) readonly buffer Query { float Q[]; };
layout(std430, binding = 1) readonly buffer KCache { uint K[]; };
layout(std430, binding = 2) readonly buffer VCache { uint V[]; };
layout(std430, binding = 3) writeonly buffer Output { float O[]; };
layout(std430, binding = 4) writeonly buffer Partial { float P[]; };
layout(std430, binding = 5) readonly buffer StepWords { uint S[]; };

// tanh that stays finite for large |x| (GLSL's may overflow to inf/inf on some drivers).
float tanhSafe(float x) { return 1.0 - 2.0 / (exp(2.0 * x) + 1.0); }

float vAt(uint i) { return unpackHalf2x16(V[p.vOff + (i >> 1)])[i & 1u]; }

shared float qs[MAX_HEAD_DIM];
shared float weights[WG];

void main() {
    const uint h = gl_WorkGroupID.x, t = gl_WorkGroupID.y, s = gl_WorkGroupID.z;
    const uint tid = gl_LocalInvocationID.x;
    const uint kvh = h / (p.nHead / p.nKv);
    const uint nSplit = max(S[p.stepOff + STEP_NSPLIT], 1u);
    const uint kvLen = S[p.stepOff + STEP_POS] + t + 1;
    const uint splitBegin = min(s * S[p.stepOff + STEP_SPLITLEN], kvLen);
    const uint end = nSplit == 1 ? kvLen : min(splitBegin + S[p.stepOff + STEP_SPLITLEN], kvLen);
    const uint first = p.window > 0u && kvLen > p.window ? kvLen - p.window : 0u;
    const uint begin = max(splitBegin, first);

    for (uint d = tid; d < p.hd; d += WG) qs[d] = Q[p.qOff + t * p.qStride + h * p.hd + d];
    barrier();

    const uint kvBase = kvh * p.capacity * p.hd;
    float m = -1.0 / 0.0, l = 0.0;
    float o[DIMS_PER_THREAD];
    for (uint i = 0; i < DIMS_PER_THREAD; ++i) o[i] = 0.0;

    for (uint p0 = begin; p0 < end; p0 += WG) {
        const uint pos = p0 + tid;
        float score = -1.0 / 0.0;
        if (pos < end) {
            const uint kw = (kvBase + pos * p.hd) / 2;
            float acc = 0.0;
            for (uint d = 0; d < p.hd; d += 2) {
                const vec2 k = unpackHalf2x16(K[p.kOff + kw + d / 2]);
                acc += k.x * qs[d] + k.y * qs[d + 1];
            }
            score = acc * p.scale;
            if (p.softCap > 0.0) score = p.softCap * tanhSafe(score / p.softCap);
        }
        const float mNew = max(m, workgroupMax(score));
        const float correction = exp(m - mNew);
        const float w = pos < end ? exp(score - mNew) : 0.0;
        weights[tid] = w;
        l = l * correction + workgroupSum(w);
        m = mNew;
        const uint count = min(WG, end - p0);
        for (uint i = 0; i < DIMS_PER_THREAD; ++i) {
            const uint d = tid + i * WG;
            if (d < p.hd) {
                float acc = o[i] * correction;
                for (uint j = 0; j < count; ++j) acc += weights[j] * vAt(kvBase + (p0 + j) * p.hd + d);
                o[i] = acc;
            }
        }
    }

    if (nSplit == 1) {
        for (uint i = 0; i < DIMS_PER_THREAD; ++i) {
            const uint d = tid + i * WG;
            if (d < p.hd) O[p.oOff + t * p.oStride + h * p.hd + d] = o[i] / l;
        }
        return;
    }
    const uint base = p.partialOff + ((t * p.nHead + h) * nSplit + s) * (p.hd + 2);
    if (tid == 0) {
        P[base] = m;
        P[base + 1] = l;
    }
    for (uint i = 0; i < DIMS_PER_THREAD; ++i) {
        const uint d = tid + i * WG;
        if (d < p.hd) P[base + 2 + d] = o[i];
    }
}
