// Q4_0, repacked on upload: per block 4 words holding the 32 4-bit quants in element order
// (element 8w + i at bits 4i..4i+3 of word w), fp16 scales at W[sOff...]. w = (q - 8) · d.
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const float d = scaleAt(r * (p.cols / 32) + c / 4);
    const uint w = wload(r * p.rowWords + c);
    lo = (vec4(uvec4(w, w >> 4, w >> 8, w >> 12) & 0xFu) - 8.0) * d;
    hi = (vec4(uvec4(w >> 16, w >> 20, w >> 24, w >> 28) & 0xFu) - 8.0) * d;
}

// A whole block (32 weights) from one 16-byte load and one scale: single-token matvecs give
// each lane whole blocks (see matvec_main.glsl).
#define HAS_DECODE32
void decode32(uint r, uint b, out vec4 v[8]) {
    const float d = scaleAt(r * (p.cols / 32) + b);
    const uvec4 w = wload4(r * p.rowWords + b * 4);
    for (uint k = 0; k < 4; ++k) {
        v[2 * k] = (vec4(uvec4(w[k], w[k] >> 4, w[k] >> 8, w[k] >> 12) & 0xFu) - 8.0) * d;
        v[2 * k + 1] = (vec4(uvec4(w[k] >> 16, w[k] >> 20, w[k] >> 24, w[k] >> 28) & 0xFu) - 8.0) * d;
    }
}

// Single-token steps: the block's dot product with the offset and scale folded out of the
// per-weight work (xs: Σx per 16 weights), one multiply-add per weight (matvec_main.glsl).
#define HAS_DOT32
float dot32(uint r, uint b, vec4 x[8], vec2 xs) {
    const uvec4 w = wload4(r * p.rowWords + b * 4);
    float s = 0.0;
    for (uint k = 0; k < 4; ++k)
        s += dot(vec4(uvec4(w[k], w[k] >> 4, w[k] >> 8, w[k] >> 12) & 0xFu), x[2 * k]) +
             dot(vec4(uvec4(w[k] >> 16, w[k] >> 20, w[k] >> 24, w[k] >> 28) & 0xFu), x[2 * k + 1]);
    return scaleAt(r * (p.cols / 32) + b) * (s - 8.0 * (xs.x + xs.y));
}
