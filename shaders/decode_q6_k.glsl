// Q6_K, ggml's 210-byte block padded to 212 bytes (53 words) on upload so it stays aligned:
// ql[128] (low 4 bits), qh[64] (high 2 bits), int8 scales[16], fp16 d.
// Element e = 128n + 32k + l: low bits in ql[64n + l + 32(k&1)] nibble k>>1, high bits in
// qh[32n + l] bits 2k..2k+1, scale scales[8n + l/16 + 2k]. w = d·scale·(q − 32).
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint base = r * p.rowWords + (c / 32) * 53;
    const uint e0 = (c & 31u) * 8;
    const uint n = e0 / 128, k = (e0 & 127u) / 32, l = e0 & 31u;
    const float d = unpackHalf2x16(wload(base + 52)).x;
    const int sc = int(wbyte((base + 48) * 4 + 8 * n + l / 16 + 2 * k) << 24) >> 24;
    const float ds = d * float(sc);
    const uint qli = base + (64 * n + l + 32 * (k & 1u)) / 4;
    const uint qhi = base + 32 + (32 * n + l) / 4;
    const uint shiftL = (k >> 1) * 4, shiftH = 2 * k;
    for (uint h = 0; h < 2; ++h) {
        const uint ql = wload(qli + h) >> shiftL, qh = wload(qhi + h) >> shiftH;
        const uvec4 q = (uvec4(ql, ql >> 8, ql >> 16, ql >> 24) & 0xFu) |
                        ((uvec4(qh, qh >> 8, qh >> 16, qh >> 24) & 3u) << 4);
        const vec4 v = (vec4(q) - 32.0) * ds;
        if (h == 0) lo = v; else hi = v;
    }
}
