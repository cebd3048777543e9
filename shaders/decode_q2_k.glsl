// Q2_K in ggml's 84-byte block padded to 88 bytes (22 words): scales[16] (4-bit scale | 4-bit
// min << 4, one per 16 weights), qs[64], fp16 d, fp16 dmin. Weight 128n + 32j + l is bits
// 2j..2j+1 of qs[32n + l]; w = d·scale·q − dmin·min.
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint base = r * p.rowWords + (c / 32) * 22;
    const uint e0 = (c & 31u) * 8, n = e0 / 128, j = (e0 & 127u) / 32, l = e0 & 31u;
    const vec2 dm = unpackHalf2x16(wload(base + 20));
    const uint sc = wbyte(base * 4 + 8 * n + 2 * j + l / 16); // the 8 weights share one scale
    const float d = dm.x * float(sc & 0xFu), mn = dm.y * float(sc >> 4);
    const uvec2 q = wload2(base + 4 + 8 * n + l / 4) >> (2 * j); // even: blocks are 22 words
    lo = vec4(uvec4(q.x, q.x >> 8, q.x >> 16, q.x >> 24) & 3u) * d - mn;
    hi = vec4(uvec4(q.y, q.y >> 8, q.y >> 16, q.y >> 24) & 3u) * d - mn;
}

// 32 weights (one j of one half: two 16-weight scales) per lane for single-token steps (see
// matvec_main.glsl); 88-byte blocks allow 8-byte loads only.
#define HAS_DECODE32
void decode32(uint r, uint b, out vec4 v[8]) {
    const uint base = r * p.rowWords + (b / 8) * 22, n = (b & 7u) / 4, j = b & 3u;
    const vec2 dm = unpackHalf2x16(wload(base + 20));
    const uint sc0 = wbyte(base * 4 + 8 * n + 2 * j), sc1 = wbyte(base * 4 + 8 * n + 2 * j + 1);
    const vec2 d = dm.x * vec2(sc0 & 0xFu, sc1 & 0xFu), mn = dm.y * vec2(sc0 >> 4, sc1 >> 4);
    for (uint k = 0; k < 4; ++k) {
        const uvec2 q = wload2(base + 4 + 8 * n + 2 * k) >> (2 * j);
        const uint h = k / 2; // weights 0..15 use the first scale, 16..31 the second
        v[2 * k] = vec4(uvec4(q.x, q.x >> 8, q.x >> 16, q.x >> 24) & 3u) * d[h] - mn[h];
        v[2 * k + 1] = vec4(uvec4(q.y, q.y >> 8, q.y >> 16, q.y >> 24) & 3u) * d[h] - mn[h];
    }
}
