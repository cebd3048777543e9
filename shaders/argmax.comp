#version 450
// Greedy pick on the GPU: the index and value of the largest of n logits (lowest index on
// ties), so a greedy token step reads back two words instead of the vocabulary.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(push_constant) uniform Push {
    uint logitsOff;
    uint resultOff; // [index, float bits of the value]
    uint n;
} p;
layout(std430, binding = 0) readonly buffer Logits { float L[]; };
layout(std430, binding = 1) writeonly buffer Result { uint R[]; };

shared float bestValue[1024];
shared uint bestIndex[1024];

void main() {
    const uint tid = gl_LocalInvocationID.x, wg = gl_WorkGroupSize.x;
    float v = -1.0 / 0.0;
    uint idx = 0xFFFFFFFFu;
    for (uint i = tid; i < p.n; i += wg) {
        const float x = L[p.logitsOff + i];
        if (x > v || idx == 0xFFFFFFFFu) { v = x; idx = i; }
    }
    bestValue[tid] = v;
    bestIndex[tid] = idx;
    barrier();
    for (uint stride = wg / 2; stride > 0; stride /= 2) {
        if (tid < stride) {
            const float ov = bestValue[tid + stride];
            const uint oi = bestIndex[tid + stride];
            if (oi != 0xFFFFFFFFu && (bestIndex[tid] == 0xFFFFFFFFu || ov > bestValue[tid] ||
                                      (ov == bestValue[tid] && oi < bestIndex[tid]))) {
                bestValue[tid] = ov;
                bestIndex[tid] = oi;
            }
        }
        barrier();
    }
    if (tid == 0) {
        R[p.resultOff] = bestIndex[0];
        R[p.resultOff + 1] = floatBitsToUint(bestValue[0]);
    }
}
