// IQ4_XS in ggml's own 136-byte block (34 words): fp16 d, scales_h (2 high bits per
// sub-block), scales_l[4] (4 low bits per sub-block), qs[128]. Sub-block s (32 weights) uses
// qs[16s..16s+15]: weight l < 16 the low nibble of byte l, weight l ≥ 16 the high nibble of
// byte l − 16. w = d·(scale − 32)·kIq4Values[q].
#include "iq4_values.glsl"
// d · scale of sub-block s of the block at word `base`.
float iq4xsScale(uint base, uint s) {
    const uint w0 = wload(base);
    const uint ls = ((wload(base + 1) >> (4 * s)) & 0xFu) | (((w0 >> (16 + 2 * s)) & 3u) << 4);
    return unpackHalf2x16(w0).x * float(int(ls) - 32);
}

void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint base = r * p.rowWords + (c / 32) * 34;
    const uint e0 = (c & 31u) * 8, s = e0 / 32, e = e0 & 31u;
    const float d = iq4xsScale(base, s);
    const uvec2 q = wload2(base + 2 + 4 * s + (e & 15u) / 4) >> (e / 16 * 4); // even offsets
    lo = iq4(uvec4(q.x, q.x >> 8, q.x >> 16, q.x >> 24) & 0xFu) * d;
    hi = iq4(uvec4(q.y, q.y >> 8, q.y >> 16, q.y >> 24) & 0xFu) * d;
}

// A whole sub-block per lane for single-token steps (see matvec_main.glsl); 136-byte blocks
// allow 8-byte loads only.
#define HAS_DECODE32
void decode32(uint r, uint b, out vec4 v[8]) {
    const uint base = r * p.rowWords + (b / 8) * 34, s = b & 7u;
    const float d = iq4xsScale(base, s);
    for (uint k = 0; k < 2; ++k) {
        const uvec2 q = wload2(base + 2 + 4 * s + 2 * k); // bytes 8k..8k+7 of the sub-block
        v[2 * k] = iq4(uvec4(q.x, q.x >> 8, q.x >> 16, q.x >> 24) & 0xFu) * d;
        v[2 * k + 1] = iq4(uvec4(q.y, q.y >> 8, q.y >> 16, q.y >> 24) & 0xFu) * d;
        v[2 * k + 4] = iq4(uvec4(q.x >> 4, q.x >> 12, q.x >> 20, q.x >> 28) & 0xFu) * d;
        v[2 * k + 5] = iq4(uvec4(q.y >> 4, q.y >> 12, q.y >> 20, q.y >> 28) & 0xFu) * d;
    }
}
