// Q3_K, re-arranged on upload (weight_layout.h): per block 24 words of hmask[32] then qs[64]
// as in the file; the side array holds per block its 16 signed scales as int8 (4 words) and
// fp16 d (word 4). Weight 128n + 32j + l has its low 2 bits at bits 2j..2j+1 of qs[32n + l] and
// its third bit in hmask[l] bit 4n + j (clear: −4); w = d·scale·q, one scale per 16 weights.
// d · scales `is` and `is` + 1 (is even: both in one side word) of block `blk`.
vec2 q3kScales(uint blk, uint is) {
    const uint s = sload(blk * 5 + is / 4) >> (8 * (is & 3u));
    const float d = unpackHalf2x16(sload(blk * 5 + 4)).x;
    return d * vec2(int(s << 24) >> 24, int(s << 16) >> 24);
}

void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint base = r * p.rowWords + (c / 32) * 24, blk = r * (p.cols / 256) + c / 32;
    const uint e0 = (c & 31u) * 8, n = e0 / 128, j = (e0 & 127u) / 32, l = e0 & 31u;
    const float d = q3kScales(blk, 8 * n + 2 * j)[l / 16];
    const uvec2 q = wload2(base + 8 + 8 * n + l / 4) >> (2 * j); // even: blocks are 24 words
    const uvec2 h = wload2(base + l / 4) >> (4 * n + j);
    lo = (vec4(uvec4(q.x, q.x >> 8, q.x >> 16, q.x >> 24) & 3u) +
          4.0 * vec4(uvec4(h.x, h.x >> 8, h.x >> 16, h.x >> 24) & 1u) - 4.0) * d;
    hi = (vec4(uvec4(q.y, q.y >> 8, q.y >> 16, q.y >> 24) & 3u) +
          4.0 * vec4(uvec4(h.y, h.y >> 8, h.y >> 16, h.y >> 24) & 1u) - 4.0) * d;
}

// 32 weights (one j of one half: two 16-weight scales) per lane for single-token steps (see
// matvec_main.glsl); blocks are 96 bytes, so quants and high bits are 16-byte aligned.
#define HAS_DECODE32
void decode32(uint r, uint b, out vec4 v[8]) {
    const uint base = r * p.rowWords + (b / 8) * 24, n = (b & 7u) / 4, j = b & 3u;
    const vec2 d = q3kScales(r * (p.cols / 256) + b / 8, 8 * n + 2 * j);
    const uvec4 q[2] = uvec4[2](wload4(base + 8 + 8 * n) >> (2 * j), wload4(base + 12 + 8 * n) >> (2 * j));
    const uvec4 h[2] = uvec4[2](wload4(base) >> (4 * n + j), wload4(base + 4) >> (4 * n + j));
    for (uint k = 0; k < 8; ++k) {
        const uint qk = q[k / 4][k & 3u], hk = h[k / 4][k & 3u];
        v[k] = (vec4(uvec4(qk, qk >> 8, qk >> 16, qk >> 24) & 3u) +
                4.0 * vec4(uvec4(hk, hk >> 8, hk >> 16, hk >> 24) & 1u) - 4.0) * d[k / 4];
    }
}
