#version 450
// y[t] = x[t] / sqrt(mean(x[t]²) + eps) · w, one workgroup per token.
#include "common.glsl"
#include "reduce.glsl"

layout(local_size_x_id = 0) in;
layout(push_constant) uniform Push {
    Floats x;
    Floats w;
    Floats y;
    uint cols;
    uint xStride;
    uint yStride;
    float eps;
} p;

void main() {
    const uint t = gl_WorkGroupID.x;
    const uint xb = t * p.xStride, yb = t * p.yStride;
    float ss = 0.0;
    for (uint i = gl_LocalInvocationID.x; i < p.cols; i += gl_WorkGroupSize.x) {
        const float v = p.x.v[xb + i];
        ss += v * v;
    }
    const float scale = inversesqrt(workgroupSum(ss) / float(p.cols) + p.eps);
    for (uint i = gl_LocalInvocationID.x; i < p.cols; i += gl_WorkGroupSize.x)
        p.y.v[yb + i] = p.x.v[xb + i] * scale * p.w.v[i];
}
