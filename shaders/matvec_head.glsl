// y[t][r] (+)= Σ_c W[r][c] · x[t][c] for t < n tokens. Weights are read in their quantized
// form; each decode_*.glsl turns 8 consecutive weights of a row into two vec4s.
#include "common.glsl"

// local size = subgroup size × subgroups per workgroup (chosen from the device's limits)
layout(local_size_x_id = 0) in;
layout(constant_id = 1) const uint ROWS_PER_SUBGROUP = 2;
layout(constant_id = 2) const uint TOKENS_PER_PASS = 1;
// How x is read: 0 as is; 1 RMS-normalised on the fly (x·w_norm / rms(x), the preceding
// RMSNorm fused in); 2 as silu(gate)·up from a gate|up row (the preceding SwiGLU fused in).
layout(constant_id = 3) const uint INPUT_MODE = 0;
// > 0: single-token steps run the wide layout (matvec_wide.glsl), each lane owning this many
// whole rows; chosen on CPU devices (kernels.cpp).
layout(constant_id = 4) const uint WIDE_LANE_ROWS = 0;

#include "matvec_push.glsl"

#include "weights_binding.glsl"
layout(std430, binding = 1) readonly buffer Input { vec4 X[]; };
layout(std430, binding = 2) buffer Output { float Y[]; };
layout(std430, binding = 3) readonly buffer NormWeights { vec4 NW[]; };

// The two x vec4s of chunk c for a token row starting at vec4 xi0, per INPUT_MODE.
void loadInput(uint xi0, uint c, out vec4 lo, out vec4 hi) {
    const uint xi = xi0 + c * 2;
    if (INPUT_MODE == 2) {
        const vec4 gl = X[xi], gh = X[xi + 1], ul = X[xi + p.upOff], uh = X[xi + p.upOff + 1];
        lo = gl / (1.0 + exp(-gl)) * ul;
        hi = gh / (1.0 + exp(-gh)) * uh;
    } else {
        lo = X[xi];
        hi = X[xi + 1];
    }
}
