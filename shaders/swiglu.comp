#version 450
// y[t][i] = silu(gate[t][i]) · up[t][i], with gate and up side by side in one row (the
// FFN's gate and up projections run as one matvec over their concatenated weights).
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(push_constant) uniform Push {
    Floats gateUp; // n × guStride: gate (nFf) | up (nFf)
    Floats y;      // n × yStride
    uint nFf;
    uint guStride;
    uint yStride;
    uint n;
} p;

void main() {
    const uint i = gl_GlobalInvocationID.x, t = gl_WorkGroupID.y;
    if (i >= p.nFf || t >= p.n) return;
    const float g = p.gateUp.v[t * p.guStride + i], u = p.gateUp.v[t * p.guStride + p.nFf + i];
    p.y.v[t * p.yStride + i] = g / (1.0 + exp(-g)) * u;
}
