// y[t][r] (+)= Σ_c W[r][c] · x[t][c] for t < n tokens. Weights are read in their quantized
// form; each decode_*.glsl turns 8 consecutive weights of a row into two vec4s.
#include "common.glsl"

// local size = subgroup size × subgroups per workgroup (chosen from the device's limits)
layout(local_size_x_id = 0) in;
layout(constant_id = 1) const uint ROWS_PER_SUBGROUP = 2;
layout(constant_id = 2) const uint TOKENS_PER_PASS = 1;

layout(push_constant) uniform Push {
    uint wOff;       // words: row 0 of the quants (or plain values)
    uint sOff;       // words: Q4_0/Q8_0 fp16 block scales, row-major
    uint xOff;       // vec4s
    uint yOff;       // floats
    uint rows;
    uint cols;       // multiple of 8 (rows are zero-padded on upload)
    uint rowWords;   // words per row
    uint n;
    uint xStride;    // floats, multiple of 4
    uint yStride;
    uint accumulate; // 1: y += W·x (fused residual add)
} p;

#include "weights_binding.glsl"
layout(std430, binding = 1) readonly buffer Input { vec4 X[]; };
layout(std430, binding = 2) buffer Output { float Y[]; };
