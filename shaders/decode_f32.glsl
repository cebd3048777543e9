// F32 rows: cols floats (padded to a multiple of 8).
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint i = r * p.rowWords + c * 8;
    lo = uintBitsToFloat(uvec4(p.w.v[i], p.w.v[i + 1], p.w.v[i + 2], p.w.v[i + 3]));
    hi = uintBitsToFloat(uvec4(p.w.v[i + 4], p.w.v[i + 5], p.w.v[i + 6], p.w.v[i + 7]));
}
