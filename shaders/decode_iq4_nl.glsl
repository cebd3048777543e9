// IQ4_NL, repacked like Q4_0 (nibbles.glsl) with the fp16 block scales in the side array;
// w = kIq4Values[q] · d.
#include "nibbles.glsl"
#include "iq4_values.glsl"
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const float d = scaleAt(r * (p.cols / 32) + c / 4);
    const uint w = wload(r * p.rowWords + c);
    lo = iq4(nibblesLo(w)) * d;
    hi = iq4(nibblesHi(w)) * d;
}

// A whole block per lane for single-token steps (see decode_q4_0.glsl).
#define HAS_DECODE32
void decode32(uint r, uint b, out vec4 v[8]) {
    const float d = scaleAt(r * (p.cols / 32) + b);
    const uvec4 w = wload4(r * p.rowWords + b * 4);
    for (uint k = 0; k < 4; ++k) {
        v[2 * k] = iq4(nibblesLo(w[k])) * d;
        v[2 * k + 1] = iq4(nibblesHi(w[k])) * d;
    }
}

// Single-token steps: the block's dot product with the offset and scale folded out of the
// per-weight work (xs: Σx per 16 weights), one multiply-add per weight (matvec_main.glsl).
#define HAS_DOT32
float dot32(uint r, uint b, vec4 x[8], vec2 xs) {
    const uvec4 w = wload4(r * p.rowWords + b * 4);
    float s = 0.0;
    for (uint k = 0; k < 4; ++k) s += dot(iq4(nibblesLo(w[k])), x[2 * k]) + dot(iq4(nibblesHi(w[k])), x[2 * k + 1]);
    return scaleAt(r * (p.cols / 32) + b) * s;
}
