// IQ4_XS, re-arranged on upload (weight_layout.h): per block 32 words of nibbles, four per
// 32-weight sub-block s in element order (weight 8w + i of s at bits 4i of word 4s + w, as
// Q4_0's), its 8 signed scales as int8 and fp16 d in the side array (3 words per block).
// w = d·scale·kIq4Values[q]. In ggml's block a lane gathered the scale from two words and the
// nibbles from two halves of the sub-block (stories110M tg16 on lavapipe: see PERFORMANCE.md).
#include "nibbles.glsl"
#include "iq4_values.glsl"
// d · scale of sub-block s (0..7) of block `blk`.
float iq4xsScale(uint blk, uint s) {
    const int sc = int(sload(blk * 3 + s / 4) << (24 - 8 * (s & 3u))) >> 24;
    return unpackHalf2x16(sload(blk * 3 + 2)).x * float(sc);
}

void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const float d = iq4xsScale(r * (p.cols / 256) + c / 32, (c / 4) & 7u);
    const uint w = wload(r * p.rowWords + c);
    lo = iq4(nibblesLo(w)) * d;
    hi = iq4(nibblesHi(w)) * d;
}

// A whole sub-block per lane for single-token steps (see matvec_main.glsl): one 16-byte load.
#define HAS_DECODE32
void decode32(uint r, uint b, out vec4 v[8]) {
    const float d = iq4xsScale(r * (p.cols / 256) + b / 8, b & 7u);
    const uvec4 w = wload4(r * p.rowWords + b * 4);
    for (uint k = 0; k < 4; ++k) {
        v[2 * k] = iq4(nibblesLo(w[k])) * d;
        v[2 * k + 1] = iq4(nibblesHi(w[k])) * d;
    }
}

// Single-token steps: d·scale once per 32 weights, not per weight (matvec_main.glsl).
#define HAS_DOT32
float iq4xsDot(float d, uint r, uint b, vec4 x[8]) {
    const uvec4 w = wload4(r * p.rowWords + b * 4);
    float s = 0.0;
    for (uint k = 0; k < 4; ++k) s += dot(iq4(nibblesLo(w[k])), x[2 * k]) + dot(iq4(nibblesHi(w[k])), x[2 * k + 1]);
    return d * s;
}
float dot32(uint r, uint b, vec4 x[8], vec2 xs) { return iq4xsDot(iq4xsScale(r * (p.cols / 256) + b / 8, b & 7u), r, b, x); }
// The wide layout (matvec_wide.glsl) reads a block's 3 side words once per 256 weights.
#define HAS_WIDE_SIDE
#define WIDE_SUBS 8
struct WideSide {
    uvec2 s; // the 8 int8 scales
    float d;
};
WideSide wideSide(uint r, uint blk) {
    const uint i = (r * (p.cols / 256) + blk) * 3;
    return WideSide(uvec2(sload(i), sload(i + 1)), unpackHalf2x16(sload(i + 2)).x);
}
float wideDot(WideSide sd, uint r, uint blk, uint sb, vec4 x[8], vec2 xs) {
    const int sc = int(sd.s[sb / 4] << (24 - 8 * (sb & 3u))) >> 24;
    return iq4xsDot(sd.d * float(sc), r, blk * 8 + sb, x);
}
