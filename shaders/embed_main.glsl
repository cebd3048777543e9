void main() {
    const uint c = gl_GlobalInvocationID.x, t = gl_WorkGroupID.y;
    if (c >= p.cols / 8 || t >= S[p.stepOff + STEP_N]) return;
    // The host validates token ids; anything else is simply not in this part.
    const uint row = S[p.stepOff + STEP_TOKENS + t] - p.rowBegin;
    if (row >= p.rows) return;
    vec4 lo, hi;
    decode8(row, c, lo, hi);
    const uint o = p.yOff + t * p.yStride + c * 8;
    for (uint i = 0; i < 4; ++i) {
        Y[o + i] = lo[i];
        Y[o + 4 + i] = hi[i];
    }
}
