// F16 rows: two halves per word, 8 weights in one 16-byte load.
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uvec4 w = wload4(r * p.rowWords + c * 4);
    lo = vec4(unpackHalf2x16(w.x), unpackHalf2x16(w.y));
    hi = vec4(unpackHalf2x16(w.z), unpackHalf2x16(w.w));
}
