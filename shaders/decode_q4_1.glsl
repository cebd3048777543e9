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
