// IQ4_XS in ggml's own 136-byte block (34 words): fp16 d, scales_h (2 high bits per
// sub-block), scales_l[4] (4 low bits per sub-block), qs[128]. Sub-block s (32 weights) uses
// qs[16s..16s+15]: weight l < 16 the low nibble of byte l, weight l ≥ 16 the high nibble of
// byte l − 16. w = d·(scale − 32)·kIq4Values[q].
#include "iq4_values.glsl"
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint base = r * p.rowWords + (c / 32) * 34;
    const uint e0 = (c & 31u) * 8, s = e0 / 32, e = e0 & 31u;
    const uint w0 = wload(base);
    const uint ls = ((wload(base + 1) >> (4 * s)) & 0xFu) | (((w0 >> (16 + 2 * s)) & 3u) << 4);
    const float d = unpackHalf2x16(w0).x * float(int(ls) - 32);
    const uvec2 q = wload2(base + 2 + 4 * s + (e & 15u) / 4) >> (e / 16 * 4); // even offsets
    lo = iq4(uvec4(q.x, q.x >> 8, q.x >> 16, q.x >> 24) & 0xFu) * d;
    hi = iq4(uvec4(q.y, q.y >> 8, q.y >> 16, q.y >> 24) & 0xFu) * d;
}
