// The side array of the 256-weight K types (Q2_K, Q3_K, Q4_K, Q5_K, Q6_K; weight_layout.h): per
// block 16 bytes of scales (one 16-bit entry per 32 weights: Q4_K/Q5_K scale|min, Q2_K two
// scale|min nibble pairs, Q3_K/Q6_K two int8 scales) and a word of fp16 d (| dmin), 5 words.
// The wide single-token layout (matvec_wide.glsl) walks a row block by block and reads all five
// words once per 256 weights (wideSide) instead of two per 32 weights: lavapipe executes each
// 32-bit word a lane loads as a loop over the lanes, so side words cost as much as quant words.
#define HAS_WIDE_SIDE
#define WIDE_SUBS 8
struct WideSide {
    uvec4 s; // scale entries
    vec2 d;  // d, dmin (Q3_K/Q6_K: d, 0)
};
WideSide wideSide(uint r, uint blk) {
    const uint i = (r * (p.cols / 256) + blk) * 5;
    return WideSide(uvec4(sload(i), sload(i + 1), sload(i + 2), sload(i + 3)), unpackHalf2x16(sload(i + 4)));
}
// The 16-bit scale entry of 32-weight sub-block sb (0..7) in the low half.
uint kEntry(uvec4 s, uint sb) { return s[sb / 2] >> (16 * (sb & 1u)); }
// From a side word of one block (blk · 5 + sb / 2) and its d word, for the other layouts.
uint kEntryAt(uint blk, uint sb) { return sload(blk * 5 + sb / 2) >> (16 * (sb & 1u)); }
vec2 kDAt(uint blk) { return unpackHalf2x16(sload(blk * 5 + 4)); }
// Q3_K/Q6_K: the two int8 scales of an entry, times d.
vec2 kSignedPair(uint e, float d) { return d * vec2(int(e << 24) >> 24, int(e << 16) >> 24); }
