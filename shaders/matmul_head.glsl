// Y[t][r] (+)= Σ_c W[r][c] · x[t][c] for a prompt batch, tiled for GPUs. A workgroup owns a
// BM-row × BN-token tile of y and walks the rows in BK-column steps: each step stages the W
// tile (decoded to float by decode_<type>.glsl, 8 weights at a time, straight from the
// quantized blocks) and the x tile in shared memory, so every weight is decoded once per BN
// tokens and every activation is read from global memory once per BM rows. Each invocation
// then accumulates a TM-row × TN-token block in registers. Tile sizes are specialisation
// constants the host picks from the device's limits (matmul_kernel.cpp); push constants and
// weight bindings are the matvec kernels' (matvec_push.glsl, weights_binding.glsl).
#include "common.glsl"

layout(local_size_x_id = 0) in; // (BM / TM) × (BN / TN) invocations
layout(constant_id = 1) const uint BM = 64;
layout(constant_id = 2) const uint BN = 64;
layout(constant_id = 3) const uint BK = 16; // a multiple of 8, the decoders' granularity
layout(constant_id = 4) const uint TM = 4;
layout(constant_id = 5) const uint TN = 4;

#include "matvec_push.glsl"

#include "weights_binding.glsl"
layout(std430, binding = 1) readonly buffer Input { vec4 X[]; };
layout(std430, binding = 2) buffer Output { float Y[]; };

// Column-major tiles (Ws[k][m], Xs[k][t]) so the inner loop's reads are consecutive across
// the invocations that share a token block; one float of padding per column spreads the
// staging stores, whose consecutive invocations write the same row at different k, over banks.
shared float Ws[BK * (BM + 1)];
shared float Xs[BK * (BN + 1)];
