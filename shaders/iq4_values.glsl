// IQ4_NL / IQ4_XS: a nibble indexes ggml's non-linear table kvalues_iq4nl; the block scale
// multiplies the entry. The 16 int8 entries are packed 4 per word and picked with a vector
// component and a shift: lavapipe lowered a dynamically indexed const float[16] to a per-lane
// scratch copy, which ran IQ4_XS decode 35× slower than Q4_K (stories110M tg16: 0.24 against
// 8.8 tokens per CPU-second).
const uvec4 kIq4Packed = uvec4(0xBFAD9881u, 0xF6EADDCFu, 0x26190D01u, 0x71594535u);
float iq4Value(uint q) {
    return float(int(kIq4Packed[q >> 2] << (24u - 8u * (q & 3u))) >> 24);
}
vec4 iq4(uvec4 q) { return vec4(iq4Value(q.x), iq4Value(q.y), iq4Value(q.z), iq4Value(q.w)); }
