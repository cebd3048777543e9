// F32 rows: cols floats (padded to a multiple of 8).
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint i = r * p.rowWords + c * 8;
    lo = uintBitsToFloat(uvec4(wload(i), wload(i + 1), wload(i + 2), wload(i + 3)));
    hi = uintBitsToFloat(uvec4(wload(i + 4), wload(i + 5), wload(i + 6), wload(i + 7)));
}
