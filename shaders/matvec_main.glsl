// The row loop shared by every matvec_<type>.comp. Each subgroup owns ROWS_PER_SUBGROUP rows
// and TOKENS_PER_PASS tokens; its lanes stride over 8-wide chunks of the row, so each
// decoded weight chunk is reused for every token, and a subgroupAdd finishes each dot product.
#if defined(HAS_DECODE32) || defined(HAS_DOT32)
// Single-token steps on 32-weight block formats: each lane takes whole blocks, so a block's
// quants arrive in one or two wide loads with one scale, instead of one scale per 8 weights.
// (Measured on lavapipe, Q4_0 tg: see docs/PERFORMANCE.md.)
// Decoders that define HAS_DOT32 return the block's dot product themselves from dot32(r, b, x,
// xs), xs = Σx over each 16-weight half: types whose weights are d·q − m (or d·(q − 4)) then
// apply scale and offset once per 16 weights, d·Σq·x − m·Σx, instead of once per weight.
void blockRows(uint row0, uint nr, uint t0) {
    float acc[ROWS_PER_SUBGROUP];
    for (uint r = 0; r < ROWS_PER_SUBGROUP; ++r) acc[r] = 0.0;
    float sumSq = 0.0;
    const uint xi0 = p.xOff + (t0 * p.xStride) / 4;
    for (uint b = gl_SubgroupInvocationID; b < p.cols / 32; b += gl_SubgroupSize) {
        vec4 x[8];
        for (uint j = 0; j < 4; ++j) {
            loadInput(xi0, b * 4 + j, x[2 * j], x[2 * j + 1]);
            if (INPUT_MODE == 1) {
                sumSq += dot(x[2 * j], x[2 * j]) + dot(x[2 * j + 1], x[2 * j + 1]);
                x[2 * j] *= NW[p.nwOff + (b * 4 + j) * 2];
                x[2 * j + 1] *= NW[p.nwOff + (b * 4 + j) * 2 + 1];
            }
        }
#ifdef HAS_DOT32
        // Σx over each 16-weight half, shared by the subgroup's rows (see HAS_DOT32 below).
        const vec2 xs = vec2(dot(x[0] + x[1] + x[2] + x[3], vec4(1.0)), dot(x[4] + x[5] + x[6] + x[7], vec4(1.0)));
        for (uint r = 0; r < ROWS_PER_SUBGROUP; ++r)
            if (r < nr) acc[r] += dot32(row0 + r, b, x, xs);
#else
        for (uint r = 0; r < ROWS_PER_SUBGROUP; ++r) {
            if (r < nr) {
                vec4 w[8];
                decode32(row0 + r, b, w);
                float s = 0.0;
                for (uint k = 0; k < 8; ++k) s += dot(w[k], x[k]);
                acc[r] += s;
            }
        }
#endif
    }
    const float scale = INPUT_MODE == 1 ? inversesqrt(subgroupAdd(sumSq) / float(p.normCols) + p.eps) : 1.0;
    for (uint r = 0; r < ROWS_PER_SUBGROUP; ++r) {
        const float s = subgroupAdd(acc[r]) * scale;
        if (subgroupElect() && r < nr) {
            const uint yi = p.yOff + t0 * p.yStride + row0 + r;
            Y[yi] = p.accumulate != 0 ? Y[yi] + s : s;
        }
    }
}
#endif

#include "matvec_wide.glsl"

void main() {
    if (WIDE_LANE_ROWS > 0 && TOKENS_PER_PASS == 1) {
        wideRows(gl_WorkGroupID.y);
        return;
    }
    const uint row0 = (gl_WorkGroupID.x * gl_NumSubgroups + gl_SubgroupID) * ROWS_PER_SUBGROUP;
    const uint t0 = gl_WorkGroupID.y * TOKENS_PER_PASS;
    if (row0 >= p.rows || t0 >= p.n) return;
    const uint nt = min(TOKENS_PER_PASS, p.n - t0);
    const uint nr = min(ROWS_PER_SUBGROUP, p.rows - row0);
#if defined(HAS_DECODE32) || defined(HAS_DOT32)
    if (TOKENS_PER_PASS == 1) {
        blockRows(row0, nr, t0);
        return;
    }
#endif

    float acc[ROWS_PER_SUBGROUP * TOKENS_PER_PASS];
    for (uint i = 0; i < ROWS_PER_SUBGROUP * TOKENS_PER_PASS; ++i) acc[i] = 0.0;
    float sumSq[TOKENS_PER_PASS]; // INPUT_MODE 1: Σx² per token, from the chunks this lane sees
    for (uint t = 0; t < TOKENS_PER_PASS; ++t) sumSq[t] = 0.0;

    const uint chunks = p.cols / 8;
    for (uint c = gl_SubgroupInvocationID; c < chunks; c += gl_SubgroupSize) {
        vec4 xl[TOKENS_PER_PASS], xh[TOKENS_PER_PASS];
        vec4 nl = vec4(1.0), nh = vec4(1.0);
        if (INPUT_MODE == 1) {
            nl = NW[p.nwOff + c * 2];
            nh = NW[p.nwOff + c * 2 + 1];
        }
        for (uint t = 0; t < TOKENS_PER_PASS; ++t) {
            if (t < nt) {
                loadInput(p.xOff + ((t0 + t) * p.xStride) / 4, c, xl[t], xh[t]);
                if (INPUT_MODE == 1) {
                    sumSq[t] += dot(xl[t], xl[t]) + dot(xh[t], xh[t]);
                    xl[t] *= nl;
                    xh[t] *= nh;
                }
            }
        }
        for (uint r = 0; r < ROWS_PER_SUBGROUP; ++r) {
            if (r < nr) {
                vec4 lo, hi;
                decode8(row0 + r, c, lo, hi);
                for (uint t = 0; t < TOKENS_PER_PASS; ++t)
                    if (t < nt) acc[r * TOKENS_PER_PASS + t] += dot(lo, xl[t]) + dot(hi, xh[t]);
            }
        }
    }
    // The lanes together saw every chunk, so the subgroup sum is the whole row's Σx².
    float scale[TOKENS_PER_PASS];
    for (uint t = 0; t < TOKENS_PER_PASS; ++t)
        scale[t] = INPUT_MODE == 1 ? inversesqrt(subgroupAdd(sumSq[t]) / float(p.normCols) + p.eps) : 1.0;
    for (uint r = 0; r < ROWS_PER_SUBGROUP; ++r) {
        for (uint t = 0; t < TOKENS_PER_PASS; ++t) {
            const float s = subgroupAdd(acc[r * TOKENS_PER_PASS + t]) * scale[t];
            if (subgroupElect() && r < nr && t < nt) {
                const uint yi = p.yOff + (t0 + t) * p.yStride + row0 + r;
                Y[yi] = p.accumulate != 0 ? Y[yi] + s : s;
            }
        }
    }
}
