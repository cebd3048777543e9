// Helpers for the 32-weight nibble blocks (Q4_1, Q5_0, Q5_1, IQ4_NL), whose quants are
// repacked on upload into element order: weight 8w + i of a block at bits 4i..4i+3 of word w.
uvec4 nibblesLo(uint w) { return uvec4(w, w >> 4, w >> 8, w >> 12) & 0xFu; }  // weights 0..3
uvec4 nibblesHi(uint w) { return uvec4(w >> 16, w >> 20, w >> 24, w >> 28) & 0xFu; } // 4..7
// Bits 0..3 of h, one per lane (the fifth bits of four consecutive weights).
uvec4 bits4(uint h) { return uvec4(h, h >> 1, h >> 2, h >> 3) & 1u; }
