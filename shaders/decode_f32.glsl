// F32 rows: cols floats (padded to a multiple of 8), read as two 16-byte loads.
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint i = r * p.rowWords + c * 8;
    lo = uintBitsToFloat(wload4(i));
    hi = uintBitsToFloat(wload4(i + 4));
}
