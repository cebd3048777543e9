// BF16 rows: two values per word; a bfloat16 is the top half of a float.
vec2 bf16Pair(uint w) { return uintBitsToFloat(uvec2(w << 16, w & 0xFFFF0000u)); }
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint i = r * p.rowWords + c * 4;
    lo = vec4(bf16Pair(wload(i)), bf16Pair(wload(i + 1)));
    hi = vec4(bf16Pair(wload(i + 2)), bf16Pair(wload(i + 3)));
}
