// Q4_K/Q5_K: d·scale and dmin·min of sub-block sb (0..7) of block `blk`. The upload unpacked
// ggml's 12 bytes of 6-bit scales and mins into one byte each in the side array (scale of sb
// at byte 2sb, min at 2sb + 1, fp16 d and dmin in word 4; k_side.glsl): on the device the packed
// form cost two or three byte loads and a branch per 32 weights, the lanes of a subgroup taking
// both sides.
#include "k_side.glsl"
vec2 kScaleMinOf(uint e, vec2 dm) { return dm * vec2(e & 0xFFu, (e >> 8) & 0xFFu); }
vec2 kScaleMin(uint blk, uint sb) { return kScaleMinOf(kEntryAt(blk, sb), kDAt(blk)); }
