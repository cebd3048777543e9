// Q5_0: quants 0..31 centred on 16, no stored min (see decode_q5.glsl).
#define Q5_MIN(dm) (-16.0 * (dm).x)
#include "decode_q5.glsl"
