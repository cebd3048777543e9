// Q5_1: quants 0..31 plus a stored fp16 min (see decode_q5.glsl).
#define Q5_MIN(dm) ((dm).y)
#include "decode_q5.glsl"
