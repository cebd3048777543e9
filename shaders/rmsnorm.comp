#version 450
// y[t] = x[t] / sqrt(mean(x[t]²) + eps) · w, one workgroup per token; with accumulate, y[t] += that
// (a post-norm joining the residual stream, Gemma 2/3 and EXAONE 4).
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
    uint accumulate;
} p;
layout(std430, binding = 0) readonly buffer Input { float X[]; };
layout(std430, binding = 1) readonly buffer Scale { float Wn[]; };
layout(std430, binding = 2) buffer Output { float Y[]; };

void main() {
    const uint t = gl_WorkGroupID.x;
    const uint xb = p.xOff + t * p.xStride, yb = p.yOff + t * p.yStride;
    float ss = 0.0;
    for (uint i = gl_LocalInvocationID.x; i < p.cols; i += gl_WorkGroupSize.x) {
        const float v = X[xb + i];
        ss += v * v;
    }
    const float scale = inversesqrt(workgroupSum(ss) / float(p.cols) + p.eps);
    if (p.accumulate != 0u) {
        for (uint i = gl_LocalInvocationID.x; i < p.cols; i += gl_WorkGroupSize.x)
            Y[yb + i] += X[xb + i] * scale * Wn[p.wOff + i];
    } else {
        for (uint i = gl_LocalInvocationID.x; i < p.cols; i += gl_WorkGroupSize.x)
            Y[yb + i] = X[xb + i] * scale * Wn[p.wOff + i];
    }
}
