void main() {
    const uint c = gl_GlobalInvocationID.x, t = gl_WorkGroupID.y;
    if (c >= p.cols / 8 || t >= p.step.n) return;
    // An out-of-range id (a corrupt prompt) reads row 0 rather than outside the table.
    uint row = p.step.tokens[t];
    if (row >= p.rows) row = 0;
    vec4 lo, hi;
    decode8(row, c, lo, hi);
    const uint o = t * p.yStride + c * 8;
    for (uint i = 0; i < 4; ++i) {
        p.y.v[o + i] = lo[i];
        p.y.v[o + 4 + i] = hi[i];
    }
}
