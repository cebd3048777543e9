#version 450
// y[t][i] = silu(gate[t][i]) · up[t][i], with gate and up side by side in one row (the
// FFN's gate and up projections run as one matvec over their concatenated weights).
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(push_constant) uniform Push {
    uint guOff; // n × guStride: gate (nFf) | up (nFf)
    uint yOff;  // n × yStride
    uint nFf;
    uint guStride;
    uint yStride;
    uint n;
} p;
layout(std430, binding = 0) readonly buffer GateUp { float GU[]; };
layout(std430, binding = 1) writeonly buffer Output { float Y[]; };

void main() {
    const uint i = gl_GlobalInvocationID.x, t = gl_WorkGroupID.y;
    if (i >= p.nFf || t >= p.n) return;
    const uint b = p.guOff + t * p.guStride + i;
    const float g = GU[b], u = GU[b + p.nFf];
    Y[p.yOff + t * p.yStride + i] = g / (1.0 + exp(-g)) * u;
}
