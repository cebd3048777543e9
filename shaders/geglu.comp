#version 450
// y[t][i] = gelu(gate[t][i]) · up[t][i] with GELU's tanh approximation (Gemma's GeGLU), gate and up
// side by side in one row as for swiglu.comp.
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

// tanh that stays finite for large |x| (GLSL's may overflow to inf/inf on some drivers).
float tanhSafe(float x) { return 1.0 - 2.0 / (exp(2.0 * x) + 1.0); }

void main() {
    const uint i = gl_GlobalInvocationID.x, t = gl_WorkGroupID.y;
    if (i >= p.nFf || t >= p.n) return;
    const uint b = p.guOff + t * p.guStride + i;
    const float g = GU[b], u = GU[b + p.nFf];
    const float sqrt2OverPi = 0.7978845608028654;
    Y[p.yOff + t * p.yStride + i] = 0.5 * g * (1.0 + tanhSafe(sqrt2OverPi * (g + 0.044715 * g * g * g))) * u;
}
