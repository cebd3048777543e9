// Q5_K, re-arranged on upload (weight_layout.h): per block 40 words, the first 32 the low
// nibbles as Q4_K's (decode_q4_k.glsl), then one word of fifth bits per sub-block sb (bit l for
// weight l of sb, word 32 + sb); scales and mins in the side array (q4k_scales.glsl).
// w = d·scale·q − dmin·min.
#include "q4k_scales.glsl"
// q (0..31) of weights 4i0 .. 4i0 + 3 of an 8-weight chunk: nibbles in w, fifth bits in h.
uvec4 q5kValues(uint w, uint h, uint i0) {
    const uint s = 4 * i0;
    return (uvec4(w >> (4 * s), w >> (4 * s + 4), w >> (4 * s + 8), w >> (4 * s + 12)) & 0xFu) |
           ((uvec4(h >> s, h >> (s + 1), h >> (s + 2), h >> (s + 3)) & 1u) << 4);
}

void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const vec2 sm = kScaleMin(r * (p.cols / 256) + c / 32, (c / 4) & 7u);
    const uint base = r * p.rowWords + (c / 32) * 40;
    const uint w = wload(base + (c & 31u)), h = wload(base + 32 + (c & 31u) / 4) >> (8 * (c & 3u));
    lo = vec4(q5kValues(w, h, 0)) * sm.x - sm.y;
    hi = vec4(q5kValues(w, h, 1)) * sm.x - sm.y;
}

// The dot product of one sub-block with x, per lane, for single-token steps (see
// matvec_main.glsl): a 16-byte and a 4-byte load, and Σ(d·q − m)·x = d·Σq·x − m·Σx.
#define HAS_DOT32
float q5kDot(vec2 sm, uint r, uint b, vec4 x[8], vec2 xs) {
    const uint base = r * p.rowWords + (b / 8) * 40;
    const uvec4 w = wload4(base + 4 * (b & 7u)); // 40-word blocks: 16-byte aligned
    const uint h = wload(base + 32 + (b & 7u));
    float s = 0.0;
    for (uint k = 0; k < 4; ++k)
        s += dot(vec4(q5kValues(w[k], h >> (8 * k), 0)), x[2 * k]) +
             dot(vec4(q5kValues(w[k], h >> (8 * k), 1)), x[2 * k + 1]);
    return sm.x * s - sm.y * (xs.x + xs.y);
}
float dot32(uint r, uint b, vec4 x[8], vec2 xs) { return q5kDot(kScaleMin(r * (p.cols / 256) + b / 8, b & 7u), r, b, x, xs); }
float wideDot(WideSide sd, uint r, uint blk, uint sb, vec4 x[8], vec2 xs) {
    return q5kDot(kScaleMinOf(kEntry(sd.s, sb), sd.d), r, blk * 8 + sb, x, xs);
}
