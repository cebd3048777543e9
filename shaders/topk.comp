#version 450
// One pass of the top-k selection that lets a sampling step read back a few hundred bytes
// instead of the vocabulary. Workgroup g sorts its tile of TILE entries in shared memory
// (bitonic sort, largest first, lower token id first on ties) and writes its best KEEP as
// (key, id) pairs. The host chains passes over the previous pass's pairs until one tile is
// left; the last pass's pairs are the answer.
//
// Keys are the logits' bits mapped to an order-preserving uint, so every comparison is an
// integer one: exact, identical on every device, and safe for any bit pattern.
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(constant_id = 1) const uint TILE = 2048; // power of two; 8 × TILE bytes of shared memory
layout(constant_id = 2) const uint KEEP = 128;  // <= TILE
layout(push_constant) uniform Push {
    uint inOff;  // elements of In
    uint outOff; // elements of Out
    uint count;  // logits (raw) or pairs in the input
    uint raw;    // 1: In holds float logits; 0: (key, id) pairs from the previous pass
} p;
layout(std430, binding = 0) readonly buffer In { uint I[]; };
layout(std430, binding = 1) writeonly buffer Out { uint O[]; };

shared uint sKey[TILE];
shared uint sId[TILE];

uint orderKey(uint bits) { // larger float -> larger key (negative floats have their order flipped)
    return (bits & 0x80000000u) != 0u ? ~bits : bits | 0x80000000u;
}

// a goes before b in the sorted order.
bool before(uint ka, uint ia, uint kb, uint ib) { return ka > kb || (ka == kb && ia < ib); }

void main() {
    const uint tid = gl_LocalInvocationID.x, wg = gl_WorkGroupSize.x;
    const uint base = gl_WorkGroupID.x * TILE;
    for (uint i = tid; i < TILE; i += wg) {
        const uint e = base + i;
        uint key = 0u, id = 0xFFFFFFFFu; // padding sorts last
        if (e < p.count) {
            if (p.raw != 0u) {
                key = orderKey(I[p.inOff + e]);
                id = e;
            } else {
                key = I[p.inOff + 2u * e];
                id = I[p.inOff + 2u * e + 1u];
            }
        }
        sKey[i] = key;
        sId[i] = id;
    }
    barrier();
    for (uint size = 2u; size <= TILE; size <<= 1) {
        for (uint stride = size >> 1; stride > 0u; stride >>= 1) {
            for (uint t = tid; t < TILE / 2u; t += wg) {
                // The t-th compare-exchange pair of this stage: (a, a + stride).
                const uint a = 2u * t - (t & (stride - 1u));
                const uint b = a + stride;
                const bool descending = (a & size) == 0u;
                const uint ka = sKey[a], ia = sId[a], kb = sKey[b], ib = sId[b];
                if (before(kb, ib, ka, ia) == descending) {
                    sKey[a] = kb, sId[a] = ib;
                    sKey[b] = ka, sId[b] = ia;
                }
            }
            barrier();
        }
    }
    const uint dst = p.outOff + 2u * gl_WorkGroupID.x * KEEP;
    for (uint i = tid; i < KEEP; i += wg) {
        O[dst + 2u * i] = sKey[i];
        O[dst + 2u * i + 1u] = sId[i];
    }
}
