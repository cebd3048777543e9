// Q4_1, repacked like Q4_0 (nibbles.glsl); the side array holds one word per block with
// fp16 d (low half) and m (high half). w = q · d + m.
#include "nibbles.glsl"
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const vec2 dm = unpackHalf2x16(sload(r * (p.cols / 32) + c / 4));
    const uint w = wload(r * p.rowWords + c);
    lo = vec4(nibblesLo(w)) * dm.x + dm.y;
    hi = vec4(nibblesHi(w)) * dm.x + dm.y;
}

// A whole block per lane for single-token steps (see decode_q4_0.glsl).
#define HAS_DECODE32
void decode32(uint r, uint b, out vec4 v[8]) {
    const vec2 dm = unpackHalf2x16(sload(r * (p.cols / 32) + b));
    const uvec4 w = wload4(r * p.rowWords + b * 4);
    for (uint k = 0; k < 4; ++k) {
        v[2 * k] = vec4(nibblesLo(w[k])) * dm.x + dm.y;
        v[2 * k + 1] = vec4(nibblesHi(w[k])) * dm.x + dm.y;
    }
}

// Single-token steps: the block's dot product with the offset and scale folded out of the
// per-weight work (xs: Σx per 16 weights), one multiply-add per weight (matvec_main.glsl).
#define HAS_DOT32
float dot32(uint r, uint b, vec4 x[8], vec2 xs) {
    const vec2 dm = unpackHalf2x16(sload(r * (p.cols / 32) + b));
    const uvec4 w = wload4(r * p.rowWords + b * 4);
    float s = 0.0;
    for (uint k = 0; k < 4; ++k) s += dot(vec4(nibblesLo(w[k])), x[2 * k]) + dot(vec4(nibblesHi(w[k])), x[2 * k + 1]);
    return dm.x * s + dm.y * (xs.x + xs.y);
}
