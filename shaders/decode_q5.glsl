// Q5_0 / Q5_1 (included by decode_q5_0.glsl / decode_q5_1.glsl, which define Q5_MIN(dm)):
// the low 4 bits repacked like Q4_0 (nibbles.glsl); the side array holds two words per block,
// fp16 d | fp16 m (0 for Q5_0), then the 32 fifth bits (bit e = weight e). w = q · d + min.
#include "nibbles.glsl"
void q5Side(uint r, uint b, out float d, out float m, out uint h) {
    const uvec2 s = sload2(2 * (r * (p.cols / 32) + b));
    const vec2 dm = unpackHalf2x16(s.x);
    d = dm.x;
    m = Q5_MIN(dm);
    h = s.y;
}

void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    float d, m;
    uint h;
    q5Side(r, c / 4, d, m, h);
    h >>= (c & 3u) * 8u;
    const uint w = wload(r * p.rowWords + c);
    lo = vec4(nibblesLo(w) | (bits4(h) << 4)) * d + m;
    hi = vec4(nibblesHi(w) | (bits4(h >> 4) << 4)) * d + m;
}

// A whole block per lane for single-token steps (see decode_q4_0.glsl).
#define HAS_DECODE32
void decode32(uint r, uint b, out vec4 v[8]) {
    float d, m;
    uint h;
    q5Side(r, b, d, m, h);
    const uvec4 w = wload4(r * p.rowWords + b * 4);
    for (uint k = 0; k < 4; ++k) {
        const uint hk = h >> (8 * k);
        v[2 * k] = vec4(nibblesLo(w[k]) | (bits4(hk) << 4)) * d + m;
        v[2 * k + 1] = vec4(nibblesHi(w[k]) | (bits4(hk >> 4) << 4)) * d + m;
    }
}

// Single-token steps: the block's dot product with the offset and scale folded out of the
// per-weight work (xs: Σx per 16 weights), one multiply-add per weight (matvec_main.glsl).
#define HAS_DOT32
float dot32(uint r, uint b, vec4 x[8], vec2 xs) {
    float d, m;
    uint h;
    q5Side(r, b, d, m, h);
    const uvec4 w = wload4(r * p.rowWords + b * 4);
    float s = 0.0;
    for (uint k = 0; k < 4; ++k) {
        const uint hk = h >> (8 * k);
        s += dot(vec4(nibblesLo(w[k]) | (bits4(hk) << 4)), x[2 * k]) +
             dot(vec4(nibblesHi(w[k]) | (bits4(hk >> 4) << 4)), x[2 * k + 1]);
    }
    return d * s + m * (xs.x + xs.y);
}
