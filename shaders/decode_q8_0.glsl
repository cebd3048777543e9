// Q8_0, repacked on upload so every load is aligned: the 32 int8 quants of each block stay
// in order (8 words per block) and the fp16 block scales move to their own array (W[sOff...]).
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const float d = scaleAt(r * (p.cols / 32) + c / 4);
    const uvec2 w = wload2(r * p.rowWords + c * 2);
    lo = signedBytes(w.x) * d;
    hi = signedBytes(w.y) * d;
}

// A whole block (32 weights) from two 16-byte loads and one scale (see decode_q4_0.glsl).
#define HAS_DECODE32
void decode32(uint r, uint b, out vec4 v[8]) {
    const float d = scaleAt(r * (p.cols / 32) + b);
    const uint i = r * p.rowWords + b * 8;
    const uvec4 w0 = wload4(i), w1 = wload4(i + 4);
    for (uint k = 0; k < 4; ++k) {
        v[k] = signedBytes(w0[k]) * d;
        v[k + 4] = signedBytes(w1[k]) * d;
    }
}

// Single-token steps: the block's dot product with the offset and scale folded out of the
// per-weight work (xs: Σx per 16 weights), one multiply-add per weight (matvec_main.glsl).
#define HAS_DOT32
float dot32(uint r, uint b, vec4 x[8], vec2 xs) {
    const uint i = r * p.rowWords + b * 8;
    const uvec4 w0 = wload4(i), w1 = wload4(i + 4);
    float s = 0.0;
    for (uint k = 0; k < 4; ++k) s += dot(signedBytes(w0[k]), x[k]) + dot(signedBytes(w1[k]), x[k + 4]);
    return scaleAt(r * (p.cols / 32) + b) * s;
}
