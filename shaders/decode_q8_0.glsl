// Q8_0, repacked on upload so every load is aligned: the 32 int8 quants of each block stay
// in order (8 words per block) and the fp16 block scales move to their own array (W[sOff...]).
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const float d = scaleAt(r * (p.cols / 32) + c / 4);
    const uvec2 w = wload2(r * p.rowWords + c * 2);
    lo = signedBytes(w.x) * d;
    hi = signedBytes(w.y) * d;
}
