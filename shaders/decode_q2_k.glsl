// Q2_K, re-arranged on upload (weight_layout.h): per block 16 words of 2-bit quants, two per
// 32-weight group g (= 4n + j of ggml's weight 128n + 32j + l): weight l = 16k + 4m + i of the
// group at bits 8i + 2m of word 2g + k. The side array holds per block the 16 scale bytes as in
// the file (4-bit scale | 4-bit min << 4, one per 16 weights) and fp16 d, dmin (word 4).
// w = d·scale·q − dmin·min.

#include "k_side.glsl"
// d·scale and dmin·min of 16-weight sub-blocks 2g and 2g + 1, from their side entry sc.
void q2kScalesOf(uint sc, vec2 dm, out vec2 d, out vec2 mn) {
    d = dm.x * vec2(sc & 0xFu, (sc >> 8) & 0xFu);
    mn = dm.y * vec2((sc >> 4) & 0xFu, (sc >> 12) & 0xFu);
}
void q2kScales(uint blk, uint g, out vec2 d, out vec2 mn) { q2kScalesOf(kEntryAt(blk, g), kDAt(blk), d, mn); }

// The quants of weights 16k + 4m .. 16k + 4m + 3 of a group, from its low word k.
uvec4 q2kQuants(uint w, uint m) {
    const uint s = 2 * m;
    return uvec4(w >> s, w >> (s + 8), w >> (s + 16), w >> (s + 24)) & 3u;
}

void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint g = c / 4, k = (c & 3u) / 2, m = (c & 1u) * 2; // 8 weights: m and m + 1
    vec2 d, mn;
    q2kScales(r * (p.cols / 256) + g / 8, g & 7u, d, mn);
    const uint w = wload(r * p.rowWords + 2 * g + k);
    lo = vec4(q2kQuants(w, m)) * d[k] - mn[k];
    hi = vec4(q2kQuants(w, m + 1)) * d[k] - mn[k];
}

// The dot product of one 32-weight group (two 16-weight scales) with x, per lane, for
// single-token steps (see matvec_main.glsl): Σ(d·q − m)·x = d·Σq·x − m·Σx, so a weight costs
// its 2-bit extraction and one multiply-add, and the group's quants are one 8-byte load (ggml's
// layout spread them over 64 bytes).
#define HAS_DOT32
float q2kDot(vec2 d, vec2 mn, uint r, uint b, vec4 x[8], vec2 xs) {
    const uvec2 w = wload2(r * p.rowWords + 2 * b); // even: blocks are 16 words
    vec2 s = vec2(0.0);
    for (uint m = 0; m < 4; ++m) {
        s.x += dot(vec4(q2kQuants(w.x, m)), x[m]);
        s.y += dot(vec4(q2kQuants(w.y, m)), x[4 + m]);
    }
    return dot(d, s) - dot(mn, xs);
}
float dot32(uint r, uint b, vec4 x[8], vec2 xs) {
    vec2 d, mn;
    q2kScales(r * (p.cols / 256) + b / 8, b & 7u, d, mn);
    return q2kDot(d, mn, r, b, x, xs);
}
// The wide layout (matvec_wide.glsl): each 2-bit quant masked where it sits (weight 16k + 4m + i
// at bits 8i + 2m: q·2^(8i + 2m)) against x·2^−(8i + 2m) from wideXScale, one AND per weight
// instead of a shift and an AND; bits 30-31 are shifted down instead (converting a value >= 2^31
// costs several instructions on x86 without AVX-512). stories110M tg16 on lavapipe, interleaved,
// two rounds: 9.24/9.37 -> 9.48/9.75 tokens per CPU-second (the same change to Q4_K's nibbles:
// 6.73/6.74 -> 6.81/6.70, not kept).
#define HAS_WIDE_X_SCALE
void wideXScale(inout vec4 x[8]) {
    const vec4 bytes = vec4(1.0, 1.0 / 256.0, 1.0 / 65536.0, 1.0 / 16777216.0);
    for (uint k = 0; k < 2; ++k) {
        x[4 * k] *= bytes;
        x[4 * k + 1] *= bytes * 0.25;
        x[4 * k + 2] *= bytes * 0.0625;
        x[4 * k + 3] *= vec4(bytes.xyz * 0.015625, 1.0);
    }
}
float q2kHalfInPlace(uint w, vec4 x[8], uint k) {
    const uvec4 m0 = uvec4(3u, 0x300u, 0x30000u, 0x3000000u);
    return dot(vec4(uvec4(w) & m0), x[4 * k]) + dot(vec4(uvec4(w) & (m0 << 2)), x[4 * k + 1]) +
           dot(vec4(uvec4(w) & (m0 << 4)), x[4 * k + 2]) +
           dot(vec4(uvec4(w & 0xC0u, w & 0xC000u, w & 0xC00000u, w >> 30)), x[4 * k + 3]);
}
float wideDot(WideSide sd, uint r, uint blk, uint sb, vec4 x[8], vec2 xs) {
    vec2 d, mn;
    q2kScalesOf(kEntry(sd.s, sb), sd.d, d, mn);
    const uvec2 w = wload2(r * p.rowWords + 2 * (blk * 8 + sb));
    return dot(d, vec2(q2kHalfInPlace(w.x, x, 0), q2kHalfInPlace(w.y, x, 1))) - dot(mn, xs);
}
