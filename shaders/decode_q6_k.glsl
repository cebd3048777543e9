// Q6_K, re-arranged on upload (weight_layout.h, packQ6K): per block 32 words of low nibbles
// (weight 8w + i of 32-weight group g at bits 4i of word 4g + w), then 16 words of high 2 bits
// (weight 16h + j of group g at bits 2j of word 32 + 2g + h); the side array holds per block its
// 16 int8 scales (one per 16 weights) and fp16 d, as Q3_K's. w = d·scale·(q − 32). In ggml's
// block a lane's 32 weights were spread over 64 bytes (see docs/PERFORMANCE.md).

#include "k_side.glsl"
// d · scales 2g and 2g + 1 (one side word) of block `blk`.
vec2 q6kScales(uint blk, uint g) { return kSignedPair(kEntryAt(blk, g), kDAt(blk).x); }

// q (0..63) of weights 4h .. 4h + 3 (h = 0, 1) of an 8-weight chunk: nibbles in lo, high bit
// pairs in the low 16 bits of hi.
uvec4 q6kValues(uint lo, uint hi, uint h) {
    const uint a = 16 * h, b = 8 * h;
    return (uvec4(lo >> a, lo >> (a + 4), lo >> (a + 8), lo >> (a + 12)) & 0xFu) |
           ((uvec4(hi >> b, hi >> (b + 2), hi >> (b + 4), hi >> (b + 6)) & 3u) << 4);
}

void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint cc = c & 31u, g = cc / 4;
    const float d = q6kScales(r * (p.cols / 256) + c / 32, g)[(cc & 3u) / 2];
    const uint base = r * p.rowWords + (c / 32) * 48;
    const uint w = wload(base + cc), h = wload(base + 32 + 2 * g + (cc & 3u) / 2) >> (16 * (cc & 1u));
    lo = (vec4(q6kValues(w, h, 0)) - 32.0) * d;
    hi = (vec4(q6kValues(w, h, 1)) - 32.0) * d;
}

// The dot product of one 32-weight group (two 16-weight scales) with x, per lane, for
// single-token steps (see matvec_main.glsl): one 16-byte and one 8-byte load, and
// Σd·(q − 32)·x = d·(Σq·x − 32·Σx).
#define HAS_DOT32
float q6kDot(vec2 d, uint r, uint b, vec4 x[8], vec2 xs) {
    const uint base = r * p.rowWords + (b / 8) * 48, g = b & 7u;
    const uvec4 w = wload4(base + 4 * g); // 48-word blocks: 16-byte aligned
    const uvec2 h = wload2(base + 32 + 2 * g);
    vec2 s = vec2(0.0);
    for (uint k = 0; k < 4; ++k) {
        const uint hk = h[k / 2] >> (16 * (k & 1u));
        const float t = dot(vec4(q6kValues(w[k], hk, 0)), x[2 * k]) + dot(vec4(q6kValues(w[k], hk, 1)), x[2 * k + 1]);
        if (k < 2) s.x += t; else s.y += t;
    }
    return dot(d, s - 32.0 * xs);
}
float dot32(uint r, uint b, vec4 x[8], vec2 xs) { return q6kDot(q6kScales(r * (p.cols / 256) + b / 8, b & 7u), r, b, x, xs); }
float wideDot(WideSide sd, uint r, uint blk, uint sb, vec4 x[8], vec2 xs) {
    return q6kDot(kSignedPair(kEntry(sd.s, sb), sd.d.x), r, blk * 8 + sb, x, xs);
}
