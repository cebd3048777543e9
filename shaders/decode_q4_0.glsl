// Q4_0, repacked like Q8_0: 16 quant bytes per block (element j < 16 in the low nibble of
// byte j, element j + 16 in its high nibble), fp16 scales at W[sOff]. w = (q - 8) · d.
void decode8(uint r, uint c, out vec4 lo, out vec4 hi) {
    const uint b = c / 4, sub = c & 3u;
    const float d = scaleAt(r * (p.cols / 32) + b);
    const uint i = r * p.rowWords + b * 4 + (sub & 1u) * 2;
    const uint w0 = wload(i), w1 = wload(i + 1);
    if (sub < 2) {
        lo = (lowNibbles(w0) - 8.0) * d;
        hi = (lowNibbles(w1) - 8.0) * d;
    } else {
        lo = (highNibbles(w0) - 8.0) * d;
        hi = (highNibbles(w1) - 8.0) * d;
    }
}
