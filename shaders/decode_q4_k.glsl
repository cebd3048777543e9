// Q4_K in ggml's own 144-byte block (36 words): fp16 d, fp16 dmin, 12 bytes of packed 6-bit
// sub-block scales/mins, 128 quant bytes. Sub-blocks 2k and 2k+1 share quant bytes 32k..32k+31
// (low / high nibble). w = d·scale·q − dmin·min.
#include "q4k_scales.glsl"
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint base = r * p.rowWords + (c / 32) * 36;
    const uint e0 = (c & 31u) * 8;     // element within the 256-element block
    const uint sb = e0 / 32, e = e0 & 31u;
    const vec2 dm = unpackHalf2x16(wload(base));
    uint sc, m;
    kScaleMin((base + 1) * 4, sb, sc, m);
    const float d = dm.x * float(sc), mn = dm.y * float(m);
    const uint i = base + 4 + ((sb / 2) * 32 + e) / 4;
    const uvec2 w = wload2(i); // i is even: blocks are 36 words and e a multiple of 8
    if ((sb & 1u) == 0) {
        lo = lowNibbles(w.x) * d - mn;
        hi = lowNibbles(w.y) * d - mn;
    } else {
        lo = highNibbles(w.x) * d - mn;
        hi = highNibbles(w.y) * d - mn;
    }
}

// A whole 32-weight sub-block per lane for single-token steps (see matvec_main.glsl): one scale
// decode and two 16-byte loads (blocks are 144 bytes, so sub-block quants are 16-byte aligned).
#define HAS_DECODE32
void decode32(uint r, uint b, out vec4 v[8]) {
    const uint base = r * p.rowWords + (b / 8) * 36, sb = b & 7u;
    const vec2 dm = unpackHalf2x16(wload(base));
    uint sc, m;
    kScaleMin((base + 1) * 4, sb, sc, m);
    const float d = dm.x * float(sc), mn = dm.y * float(m);
    const uint i = base + 4 + (sb / 2) * 8, shift = (sb & 1u) * 4;
    const uvec4 w0 = wload4(i) >> shift, w1 = wload4(i + 4) >> shift;
    for (uint k = 0; k < 4; ++k) {
        v[k] = vec4(uvec4(w0[k], w0[k] >> 8, w0[k] >> 16, w0[k] >> 24) & 0xFu) * d - mn;
        v[k + 4] = vec4(uvec4(w1[k], w1[k] >> 8, w1[k] >> 16, w1[k] >> 24) & 0xFu) * d - mn;
    }
}
