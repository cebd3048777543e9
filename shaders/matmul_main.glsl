// The tiled loop shared by every matmul_<type>.comp; see matmul_head.glsl.
void main() {
    const uint wg = (BM / TM) * (BN / TN);
    const uint lid = gl_LocalInvocationID.x;
    // Invocation (tx, ty) owns rows tx + i·BM/TM and tokens ty + j·BN/TN: interleaved, so
    // neighbouring invocations read neighbouring shared words and write neighbouring y rows.
    const uint tx = lid % (BM / TM), ty = lid / (BM / TM);
    const uint row0 = gl_WorkGroupID.x * BM, t0 = gl_WorkGroupID.y * BN;
    const uint chunks = p.cols / 8;

    float acc[TM * TN];
    for (uint i = 0; i < TM * TN; ++i) acc[i] = 0.0;

    for (uint k0 = 0; k0 < p.cols; k0 += BK) {
        // W tile: BM rows × BK/8 chunks, consecutive invocations on consecutive chunks of a
        // row (contiguous global reads). Rows past the matrix and columns past the (padded)
        // row read as zeros; every invocation still reaches the barriers.
        for (uint s = lid; s < BM * (BK / 8); s += wg) {
            const uint r = s / (BK / 8), kc = s % (BK / 8), c = k0 / 8 + kc;
            vec4 lo = vec4(0.0), hi = vec4(0.0);
            if (row0 + r < p.rows && c < chunks) decode8(row0 + r, c, lo, hi);
            const uint w0 = kc * 8 * (BM + 1) + r;
            for (uint e = 0; e < 4; ++e) {
                Ws[w0 + e * (BM + 1)] = lo[e];
                Ws[w0 + (e + 4) * (BM + 1)] = hi[e];
            }
        }
        // x tile: BN tokens × BK/4 vec4s (x rows are zero-padded to cols, a multiple of 8).
        for (uint s = lid; s < BN * (BK / 4); s += wg) {
            const uint t = s / (BK / 4), q = s % (BK / 4);
            vec4 v = vec4(0.0);
            if (t0 + t < p.n && k0 + q * 4 < p.cols) v = X[p.xOff + ((t0 + t) * p.xStride) / 4 + k0 / 4 + q];
            const uint x0 = q * 4 * (BN + 1) + t;
            for (uint e = 0; e < 4; ++e) Xs[x0 + e * (BN + 1)] = v[e];
        }
        barrier();
        for (uint k = 0; k < BK; ++k) {
            float w[TM];
            for (uint i = 0; i < TM; ++i) w[i] = Ws[k * (BM + 1) + tx + i * (BM / TM)];
            for (uint j = 0; j < TN; ++j) {
                const float xv = Xs[k * (BN + 1) + ty + j * (BN / TN)];
                for (uint i = 0; i < TM; ++i) acc[i * TN + j] += w[i] * xv;
            }
        }
        barrier();
    }
    for (uint j = 0; j < TN; ++j) {
        const uint t = t0 + ty + j * (BN / TN);
        if (t >= p.n) break;
        for (uint i = 0; i < TM; ++i) {
            const uint r = row0 + tx + i * (BM / TM);
            if (r >= p.rows) break;
            const uint yi = p.yOff + t * p.yStride + r;
            Y[yi] = p.accumulate != 0 ? Y[yi] + acc[i * TN + j] : acc[i * TN + j];
        }
    }
}
