// Q3_K, re-arranged on upload (weight_layout.h): per block 16 words of low 2 bits (as Q2_K's,
// see decode_q2_k.glsl: weight l = 16k + 4m + i of 32-weight group g at bits 8i + 2m of word
// 2g + k), then 8 words of third bits (weight l of group g at bit 8i + 4k + m of word 16 + g;
// clear means −4). The side array holds per block its 16 signed scales as int8 (4 words) and
// fp16 d (word 4). w = d·scale·(q − 4), q = low bits + 4·third bit, one scale per 16 weights.

#include "k_side.glsl"
// d · scales 2g and 2g + 1 (one side word) of block `blk`.
vec2 q3kScales(uint blk, uint g) { return kSignedPair(kEntryAt(blk, g), kDAt(blk).x); }

// q (0..7) of weights 16k + 4m .. 16k + 4m + 3 of a group from its low word k and high word h:
// both bit fields are combined on the whole word, one OR for four weights instead of a float
// multiply-add each.
uvec4 q3kValues(uint lo, uint h, uint k, uint m) {
    const uint v = ((lo >> (2 * m)) & 0x03030303u) | (((h >> (4 * k + m)) & 0x01010101u) << 2);
    return uvec4(v, v >> 8, v >> 16, v >> 24) & 7u;
}

void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint g = c / 4, k = (c & 3u) / 2, m = (c & 1u) * 2; // 8 weights: m and m + 1
    const float d = q3kScales(r * (p.cols / 256) + g / 8, g & 7u)[k];
    const uint base = r * p.rowWords + (g / 8) * 24, gi = g & 7u;
    const uint w = wload(base + 2 * gi + k), h = wload(base + 16 + gi);
    lo = (vec4(q3kValues(w, h, k, m)) - 4.0) * d;
    hi = (vec4(q3kValues(w, h, k, m + 1)) - 4.0) * d;
}

// The dot product of one 32-weight group (two 16-weight scales) with x, per lane, for
// single-token steps (see matvec_main.glsl): Σd·(q − 4)·x = d·(Σq·x − 4·Σx). The group's bits
// are one 8-byte and one 4-byte load (ggml's layout spread them over 96 bytes).
#define HAS_DOT32
float q3kDot(vec2 d, uint r, uint b, vec4 x[8], vec2 xs) {
    const uint base = r * p.rowWords + (b / 8) * 24, gi = b & 7u;
    const uvec2 w = wload2(base + 2 * gi); // even: blocks are 24 words
    const uint h = wload(base + 16 + gi);
    vec2 s = vec2(0.0);
    for (uint m = 0; m < 4; ++m) {
        s.x += dot(vec4(q3kValues(w.x, h, 0, m)), x[m]);
        s.y += dot(vec4(q3kValues(w.y, h, 1, m)), x[4 + m]);
    }
    return dot(d, s - 4.0 * xs);
}
float dot32(uint r, uint b, vec4 x[8], vec2 xs) { return q3kDot(q3kScales(r * (p.cols / 256) + b / 8, b & 7u), r, b, x, xs); }
float wideDot(WideSide sd, uint r, uint blk, uint sb, vec4 x[8], vec2 xs) {
    return q3kDot(kSignedPair(kEntry(sd.s, sb), sd.d.x), r, blk * 8 + sb, x, xs);
}
