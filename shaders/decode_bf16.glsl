// BF16 rows: two values per word; a bfloat16 is the top half of a float. 8 weights = one uvec4.
vec2 bf16Pair(uint w) { return uintBitsToFloat(uvec2(w << 16, w & 0xFFFF0000u)); }
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uvec4 w = wload4(r * p.rowWords + c * 4);
    lo = vec4(bf16Pair(w.x), bf16Pair(w.y));
    hi = vec4(bf16Pair(w.z), bf16Pair(w.w));
}
