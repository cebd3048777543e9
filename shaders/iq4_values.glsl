// IQ4_NL / IQ4_XS: a nibble indexes this non-linear table (ggml's kvalues_iq4nl); the block
// scale multiplies the entry.
const float kIq4Values[16] = float[16](-127.0, -104.0, -83.0, -65.0, -49.0, -35.0, -22.0, -10.0, 1.0, 13.0,
                                       25.0, 38.0, 53.0, 69.0, 89.0, 113.0);
vec4 iq4(uvec4 q) { return vec4(kIq4Values[q.x], kIq4Values[q.y], kIq4Values[q.z], kIq4Values[q.w]); }
