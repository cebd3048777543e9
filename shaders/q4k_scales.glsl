// Q4_K/Q5_K: the 6-bit scale and min of sub-block sb (0..7) from the 12 packed bytes at byte
// index sbase; the first four sit in the low 6 bits of bytes 0..7, the last four are split
// between the nibbles of bytes 8..11 and the top 2 bits of bytes 0..7.
void kScaleMin(uint sbase, uint sb, out uint sc, out uint m) {
    if (sb < 4) {
        sc = wbyte(sbase + sb) & 63u;
        m = wbyte(sbase + sb + 4) & 63u;
    } else {
        const uint q4 = wbyte(sbase + sb + 4);
        sc = (q4 & 0xFu) | ((wbyte(sbase + sb - 4) >> 6) << 4);
        m = (q4 >> 4) | ((wbyte(sbase + sb) >> 6) << 4);
    }
}
