// Q4_K, re-arranged on upload (weight_layout.h): per block 32 words of nibbles, four per
// 32-weight sub-block sb in element order (weight 8w + i of sb at bits 4i of word 4sb + w, as
// Q4_0's), scales and mins in the side array (q4k_scales.glsl). w = d·scale·q − dmin·min.
#include "q4k_scales.glsl"
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const vec2 sm = kScaleMin(r * (p.cols / 256) + c / 32, (c / 4) & 7u);
    const uint w = wload(r * p.rowWords + c);
    lo = vec4(uvec4(w, w >> 4, w >> 8, w >> 12) & 0xFu) * sm.x - sm.y;
    hi = vec4(uvec4(w >> 16, w >> 20, w >> 24, w >> 28) & 0xFu) * sm.x - sm.y;
}

// The dot product of one sub-block with x, per lane, for single-token steps (see
// matvec_main.glsl): one 16-byte load, and Σ(d·q − m)·x = d·Σq·x − m·Σx.
#define HAS_DOT32
float q4kDot(vec2 sm, uint r, uint b, vec4 x[8], vec2 xs) {
    const uvec4 w = wload4(r * p.rowWords + b * 4);
    float s = 0.0;
    for (uint k = 0; k < 4; ++k)
        s += dot(vec4(uvec4(w[k], w[k] >> 4, w[k] >> 8, w[k] >> 12) & 0xFu), x[2 * k]) +
             dot(vec4(uvec4(w[k] >> 16, w[k] >> 20, w[k] >> 24, w[k] >> 28) & 0xFu), x[2 * k + 1]);
    return sm.x * s - sm.y * (xs.x + xs.y);
}
float dot32(uint r, uint b, vec4 x[8], vec2 xs) { return q4kDot(kScaleMin(r * (p.cols / 256) + b / 8, b & 7u), r, b, x, xs); }
float wideDot(WideSide sd, uint r, uint blk, uint sb, vec4 x[8], vec2 xs) {
    return q4kDot(kScaleMinOf(kEntry(sd.s, sb), sd.d), r, blk * 8 + sb, x, xs);
}
