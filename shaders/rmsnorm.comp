#version 450
// y[t] = x[t] / sqrt(mean(x[t]²) + eps) · w, one workgroup per token.
#include "common.glsl"
#include "reduce.glsl"

layout(local_size_x_id = 0) in;
layout(push_constant) uniform Push {
    uint xOff;
    uint wOff;
    uint yOff;
    uint cols;
    uint xStride;
    uint yStride;
    float eps;
} p;
layout(std430, binding = 0) readonly buffer Input { float X[]; };
layout(std430, binding = 1) readonly buffer Scale { float Wn[]; };
layout(std430, binding = 2) writeonly buffer Output { float Y[]; };

void main() {
    const uint t = gl_WorkGroupID.x;
    const uint xb = p.xOff + t * p.xStride, yb = p.yOff + t * p.yStride;
    float ss = 0.0;
    for (uint i = gl_LocalInvocationID.x; i < p.cols; i += gl_WorkGroupSize.x) {
        const float v = X[xb + i];
        ss += v * v;
    }
    const float scale = inversesqrt(workgroupSum(ss) / float(p.cols) + p.eps);
    for (uint i = gl_LocalInvocationID.x; i < p.cols; i += gl_WorkGroupSize.x)
        Y[yb + i] = X[xb + i] * scale * Wn[p.wOff + i];
}
