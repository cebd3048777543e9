// Binding 0 holds the weight arena; decoders read through these helpers.
layout(std430, binding = 0) readonly buffer Weights { uint W[]; };
uint wload(uint i) { return W[p.wOff + i]; }
uint wbyte(uint i) { return (W[p.wOff + (i >> 2)] >> ((i & 3u) * 8u)) & 0xFFu; }
float scaleAt(uint i) { return unpackHalf2x16(W[p.sOff + (i >> 1)])[i & 1u]; }
