// The row-per-invocation variant of the matrix product, for CPU-like devices (lavapipe): each
// invocation owns one row and TOKENS_PER_PASS tokens, so the weights are read once per
// pass while the activations, the same for every invocation, are uniform (broadcast) loads;
// no cross-lane reduction is needed. Shares matvec_head.glsl's push constants and bindings.
void main() {
    const uint row = gl_GlobalInvocationID.x;
    const uint t0 = gl_WorkGroupID.y * TOKENS_PER_PASS;
    if (row >= p.rows) return;
    const uint nt = min(TOKENS_PER_PASS, p.n - t0);
    float acc[TOKENS_PER_PASS];
    for (uint t = 0; t < TOKENS_PER_PASS; ++t) acc[t] = 0.0;
    const uint chunks = p.cols / 8;
    for (uint c = 0; c < chunks; ++c) {
        vec4 lo, hi;
        decode8(row, c, lo, hi);
        for (uint t = 0; t < TOKENS_PER_PASS; ++t) {
            if (t < nt) {
                const uint xi = p.xOff + ((t0 + t) * p.xStride) / 4 + c * 2;
                acc[t] += dot(lo, X[xi]) + dot(hi, X[xi + 1]);
            }
        }
    }
    for (uint t = 0; t < TOKENS_PER_PASS; ++t) {
        if (t < nt) {
            const uint yi = p.yOff + (t0 + t) * p.yStride + row;
            Y[yi] = p.accumulate != 0 ? Y[yi] + acc[t] : acc[t];
        }
    }
}
