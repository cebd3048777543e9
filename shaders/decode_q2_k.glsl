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
float wideDot(WideSide sd, uint r, uint blk, uint sb, vec4 x[8], vec2 xs) {
    vec2 d, mn;
    q2kScalesOf(kEntry(sd.s, sb), sd.d, d, mn);
    return q2kDot(d, mn, r, blk * 8 + sb, x, xs);
}
