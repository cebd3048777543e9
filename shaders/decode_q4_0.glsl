// Q4_0, repacked on upload: per block 4 words holding the 32 4-bit quants in element order
// (element 8w + i at bits 4i..4i+3 of word w), fp16 scales at W[sOff...]. w = (q - 8) · d.
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const float d = scaleAt(r * (p.cols / 32) + c / 4);
    const uint w = wload(r * p.rowWords + c);
    lo = (vec4(uvec4(w, w >> 4, w >> 8, w >> 12) & 0xFu) - 8.0) * d;
    hi = (vec4(uvec4(w >> 16, w >> 20, w >> 24, w >> 28) & 0xFu) - 8.0) * d;
}
