#version 450
// In place: x[t][i] = cap · tanh(x[t][i] / cap) for i < cols, t < n (Gemma 2's final logit soft-capping).
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(push_constant) uniform Push {
    uint xOff; // n × stride
    uint stride;
    uint cols;
    uint n;
    float cap;
} p;
layout(std430, binding = 0) buffer Values { float X[]; };

// tanh that stays finite for large |x| (GLSL's may overflow to inf/inf on some drivers).
float tanhSafe(float x) { return 1.0 - 2.0 / (exp(2.0 * x) + 1.0); }

void main() {
    const uint i = gl_GlobalInvocationID.x, t = gl_WorkGroupID.y;
    if (i >= p.cols || t >= p.n) return;
    const uint at = p.xOff + t * p.stride + i;
    X[at] = p.cap * tanhSafe(X[at] / p.cap);
}
