// F16 rows: two halves per word.
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint i = r * p.rowWords + c * 4;
    lo = vec4(unpackHalf2x16(wload(i)), unpackHalf2x16(wload(i + 1)));
    hi = vec4(unpackHalf2x16(wload(i + 2)), unpackHalf2x16(wload(i + 3)));
}
