// Q5_K in ggml's own 176-byte block (44 words): fp16 d, fp16 dmin, 12 bytes of packed 6-bit
// sub-block scales/mins (as Q4_K), qh[32], qs[128]. Sub-blocks 2k and 2k+1 share quant bytes
// 32k..32k+31 (low / high nibble); the fifth bit of weight 32s + l is bit s of qh[l].
// w = d·scale·q − dmin·min.
#include "q4k_scales.glsl"
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint base = r * p.rowWords + (c / 32) * 44;
    const uint e0 = (c & 31u) * 8, sb = e0 / 32, e = e0 & 31u;
    const vec2 dm = unpackHalf2x16(wload(base));
    uint sc, m;
    kScaleMin((base + 1) * 4, sb, sc, m);
    const float d = dm.x * float(sc), mn = dm.y * float(m);
    const uvec2 w = wload2(base + 12 + (sb / 2) * 8 + e / 4) >> ((sb & 1u) * 4); // even offsets
    const uvec2 h = wload2(base + 4 + e / 4) >> sb;
    lo = vec4((uvec4(w.x, w.x >> 8, w.x >> 16, w.x >> 24) & 0xFu) |
              ((uvec4(h.x, h.x >> 8, h.x >> 16, h.x >> 24) & 1u) << 4)) * d - mn;
    hi = vec4((uvec4(w.y, w.y >> 8, w.y >> 16, w.y >> 24) & 0xFu) |
              ((uvec4(h.y, h.y >> 8, h.y >> 16, h.y >> 24) & 1u) << 4)) * d - mn;
}

// A whole 32-weight sub-block per lane for single-token steps (see decode_q4_k.glsl); blocks
// are 176 bytes, so quants and fifth bits are 16-byte aligned.
#define HAS_DECODE32
void decode32(uint r, uint b, out vec4 v[8]) {
    const uint base = r * p.rowWords + (b / 8) * 44, sb = b & 7u;
    const vec2 dm = unpackHalf2x16(wload(base));
    uint sc, m;
    kScaleMin((base + 1) * 4, sb, sc, m);
    const float d = dm.x * float(sc), mn = dm.y * float(m);
    const uint i = base + 12 + (sb / 2) * 8, shift = (sb & 1u) * 4;
    const uvec4 w[2] = uvec4[2](wload4(i) >> shift, wload4(i + 4) >> shift);
    const uvec4 h[2] = uvec4[2](wload4(base + 4) >> sb, wload4(base + 8) >> sb);
    for (uint k = 0; k < 8; ++k) {
        const uint q = w[k / 4][k & 3u], hb = h[k / 4][k & 3u];
        v[k] = vec4((uvec4(q, q >> 8, q >> 16, q >> 24) & 0xFu) |
                    ((uvec4(hb, hb >> 8, hb >> 16, hb >> 24) & 1u) << 4)) * d - mn;
    }
}
