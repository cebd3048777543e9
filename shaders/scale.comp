#version 450
// In place: x[t][i] ×= factor for i < cols, t < n (Gemma's embedding scale, √nEmbd).
#include "common.glsl"

layout(local_size_x_id = 0) in;
layout(push_constant) uniform Push {
    uint xOff; // n × stride
    uint stride;
    uint cols;
    uint n;
    float factor;
} p;
layout(std430, binding = 0) buffer Values { float X[]; };

void main() {
    const uint i = gl_GlobalInvocationID.x, t = gl_WorkGroupID.y;
    if (i >= p.cols || t >= p.n) return;
    X[p.xOff + t * p.stride + i] *= p.factor;
}
