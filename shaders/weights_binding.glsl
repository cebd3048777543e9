// Binding 0 holds the weight arena; decoders read through these helpers.
layout(std430, binding = 0) readonly buffer Weights { uint W[]; };
uint wload(uint i) { return W[p.wOff + i]; }
uint wbyte(uint i) { return (W[p.wOff + (i >> 2)] >> ((i & 3u) * 8u)) & 0xFFu; }
float scaleAt(uint i) { return unpackHalf2x16(W[p.sOff + (i >> 1)])[i & 1u]; }
// The side array after a matrix's quants (every quantized type, see weight_layout.h).
uint sload(uint i) { return W[p.sOff + i]; }
// The same arena as 8- and 16-byte words: one wide load per lane instead of several scalar ones
// (38% faster F16 decode on lavapipe). Valid because the arena places every matrix at a 256-byte
// boundary (Kernels::matvec checks) and row lengths in words are multiples of 4 for
// F32/F16/BF16 and the nibble-block types, of 8 for Q8_0 and the 256-weight blocks (16, 24,
// 32, 40, 48 words); i must be a multiple of 4 (wload4) or 2 (wload2).
layout(std430, binding = 0) readonly buffer Weights2 { uvec2 W2[]; };
layout(std430, binding = 0) readonly buffer Weights4 { uvec4 W4[]; };
uvec2 wload2(uint i) { return W2[(p.wOff + i) >> 1]; }
uvec4 wload4(uint i) { return W4[(p.wOff + i) >> 2]; }
// sOff is a multiple of 4 (quants regions are whole 16-byte rows); i must be even.
uvec2 sload2(uint i) { return W2[(p.sOff + i) >> 1]; }
