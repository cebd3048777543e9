#version 450
// Causal attention for prompt batches on CPU implementations (lavapipe): one invocation per
// (query token, head) walks the cache once with an online softmax kept in private arrays.
// All lanes of a workgroup share the head and read the same key/value row at each step
// (broadcast loads), which suits SIMD CPUs; GPUs use attention.comp. Output layout and push
// constants match attention.comp (the split fields are unused).
#include "common.glsl"

layout(local_size_x_id = 0) in;
const uint MAX_HEAD_DIM = 256;

layout(push_constant) uniform Push {
    uint qOff;
    uint kOff;
    uint vOff;
    uint oOff;
    uint partialOff;
    uint stepOff;
    uint qStride;
    uint oStride;
    uint nHead;
    uint nKv;
    uint hd;
    uint capacity;
    float scale;
    uint window;   // > 0: a query sees only the last `window` positions
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

void main() {
    const uint t = gl_GlobalInvocationID.x, h = gl_WorkGroupID.y;
    const uint n = S[p.stepOff + STEP_N], pos0 = S[p.stepOff + STEP_POS];
    // Lanes past the last token still walk the keys (their loads are shared) but store nothing.
    const bool live = t < n;
    const uint lastT = min(gl_WorkGroupID.x * gl_WorkGroupSize.x + gl_WorkGroupSize.x, n) - 1;
    const uint keys = pos0 + lastT + 1, myKeys = pos0 + t + 1;
    // Sliding window: each lane skips keys before its own window; the walk starts at the first lane's.
    const uint firstKeys = pos0 + gl_WorkGroupID.x * gl_WorkGroupSize.x + 1;
    const uint walkFrom = p.window > 0u && firstKeys > p.window ? firstKeys - p.window : 0u;
    const uint myFirst = p.window > 0u && myKeys > p.window ? myKeys - p.window : 0u;
    const uint kvh = h / (p.nHead / p.nKv);
    const uint half_ = p.hd / 2;

    float q[MAX_HEAD_DIM], o[MAX_HEAD_DIM];
    for (uint d = 0; d < p.hd; ++d) {
        q[d] = live ? Q[p.qOff + t * p.qStride + h * p.hd + d] * p.scale : 0.0;
        o[d] = 0.0;
    }
    float m = -1.0 / 0.0, l = 0.0;
    const uint base = (kvh * p.capacity) * half_;
    for (uint key = walkFrom; key < keys; ++key) {
        const uint row = base + key * half_;
        float s = 0.0;
        for (uint i = 0; i < half_; ++i) {
            const vec2 k = unpackHalf2x16(K[p.kOff + row + i]);
            s += q[2 * i] * k.x + q[2 * i + 1] * k.y;
        }
        if (key >= myKeys || key < myFirst) continue;
        if (p.softCap > 0.0) s = p.softCap * tanhSafe(s / p.softCap);
        const float mNew = max(m, s);
        const float correction = exp(m - mNew), w = exp(s - mNew);
        l = l * correction + w;
        m = mNew;
        for (uint i = 0; i < half_; ++i) {
            const vec2 v = unpackHalf2x16(V[p.vOff + row + i]);
            o[2 * i] = o[2 * i] * correction + w * v.x;
            o[2 * i + 1] = o[2 * i + 1] * correction + w * v.y;
        }
    }
    if (!live) return;
    for (uint d = 0; d < p.hd; ++d) O[p.oOff + t * p.oStride + h * p.hd + d] = o[d] / l;
}
