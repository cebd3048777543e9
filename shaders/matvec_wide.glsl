// Single-token matvec in the wide layout, for CPU devices (WIDE_LANE_ROWS > 0, kernels.cpp):
// a subgroup owns gl_SubgroupSize × WIDE_LANE_ROWS rows and each lane walks whole rows (lane l
// takes rows row0 + l + k·gl_SubgroupSize), so no dot product is split across lanes.
// Why: lavapipe runs a subgroup as one SIMD register and executes every per-lane load as a loop
// over the lanes, so the cost follows the number of load instructions. In the row-split layout
// (matvec_main.glsl) each lane gathered its own slice of x and every row ended in a subgroupAdd;
// here x arrives once per subgroup (wideInput) and the loads left are the weights' own
// (stories110M tg16 on lavapipe: see docs/PERFORMANCE.md).
// Decoders may define HAS_WIDE_X_SCALE: wideDot then gets x[i] × 2^−(bit offset of its quant)
// (wideXScale) and converts each quant where it sits in its word (one AND, no shift): q·2^s·x·2^−s
// is exact in float and saves one operation per weight and row.
// Decoders may define HAS_WIDE_SIDE: their per-block side data (scales, d) is read once per
// WIDE_SUBS 32-weight sub-blocks into a WideSide (wideSide), and wideDot uses it, instead of
// one or two scalar loads per 32 weights.
const uint WIDE_ROWS = WIDE_LANE_ROWS > 0 ? WIDE_LANE_ROWS : 1; // array size (0: not wide)

// x[i] = vec4 v0 + i of the input row (i < 8; vec4s at or past `end` read as the last one, and
// the caller ignores them), transformed per INPUT_MODE. The lanes each load one vec4 and
// broadcast it: every lane loading all eight cost 8× the loads, and lavapipe does not turn a
// load of the same address in every lane into one (Q4_K tg16: 1, 4, 8 rows per lane ran at 1.06,
// 2.80, 3.54 tokens per CPU-second against 3.58 for the row-split layout, before this).
// Needs subgroups of at least 8 lanes (kernels.cpp).
void wideInput(uint xi0, uint v0, uint end, out vec4 x[8], inout float sumSq) {
    const uint v = min(v0 + (gl_SubgroupInvocationID & 7u), end - 1);
    vec4 mine = X[xi0 + v];
    if (INPUT_MODE == 2) {
        const vec4 u = X[xi0 + v + p.upOff];
        mine = mine / (1.0 + exp(-mine)) * u;
    } else if (INPUT_MODE == 1) {
        if (gl_SubgroupInvocationID < 8 && v0 + gl_SubgroupInvocationID < end) sumSq += dot(mine, mine);
        mine *= NW[p.nwOff + v];
    }
    for (uint i = 0; i < 8; ++i) x[i] = subgroupBroadcast(mine, i);
}
void wideRows(uint t0) {
    const uint lanes = gl_SubgroupSize;
    const uint first = (gl_WorkGroupID.x * gl_NumSubgroups + gl_SubgroupID) * lanes * WIDE_LANE_ROWS;
    if (first >= p.rows) return;
    // Rows past the end are computed on the last row (in bounds) and not written.
    uint rows[WIDE_ROWS];
    float acc[WIDE_ROWS];
    for (uint k = 0; k < WIDE_ROWS; ++k) {
        rows[k] = min(first + gl_SubgroupInvocationID + k * lanes, p.rows - 1);
        acc[k] = 0.0;
    }
    float sumSq = 0.0; // INPUT_MODE 1: Σx² of the vec4s this lane loaded
    const uint xi0 = p.xOff + (t0 * p.xStride) / 4;
#if defined(HAS_WIDE_SIDE) || defined(HAS_DOT32) || defined(HAS_DECODE32)
#ifdef HAS_WIDE_SIDE
    const uint subs = WIDE_SUBS;
#else
    const uint subs = 1;
#endif
    for (uint blk = 0; blk < p.cols / (32 * subs); ++blk) {
#ifdef HAS_WIDE_SIDE
        WideSide side[WIDE_ROWS];
        for (uint k = 0; k < WIDE_ROWS; ++k) side[k] = wideSide(rows[k], blk);
#endif
        for (uint sb = 0; sb < subs; ++sb) {
            const uint b = blk * subs + sb;
            vec4 x[8];
            wideInput(xi0, b * 8, p.cols / 4, x, sumSq);
#if defined(HAS_WIDE_SIDE) || defined(HAS_DOT32)
            const vec2 xs = vec2(dot(x[0] + x[1] + x[2] + x[3], vec4(1.0)), dot(x[4] + x[5] + x[6] + x[7], vec4(1.0)));
#endif
#ifdef HAS_WIDE_X_SCALE
            // Once per subgroup for all its rows: x times the powers of two that let wideDot use
            // each quant in place (masked, not shifted down), see the decoder.
            wideXScale(x);
#endif
            for (uint k = 0; k < WIDE_ROWS; ++k) {
#if defined(HAS_WIDE_SIDE)
                acc[k] += wideDot(side[k], rows[k], blk, sb, x, xs);
#elif defined(HAS_DOT32)
                acc[k] += dot32(rows[k], b, x, xs);
#else
                vec4 w[8];
                decode32(rows[k], b, w);
                float s = 0.0;
                for (uint i = 0; i < 8; ++i) s += dot(w[i], x[i]);
                acc[k] += s;
#endif
            }
        }
    }
#else
    // F32/F16/BF16: 8 weights at a time (rows are padded to a multiple of 8, not 32).
    for (uint c0 = 0; c0 < p.cols / 8; c0 += 4) {
        vec4 x[8];
        wideInput(xi0, c0 * 2, p.cols / 4, x, sumSq);
        for (uint j = 0; j < 4; ++j) {
            if (c0 + j < p.cols / 8) {
                for (uint k = 0; k < WIDE_ROWS; ++k) {
                    vec4 wl, wh;
                    decode8(rows[k], c0 + j, wl, wh);
                    acc[k] += dot(wl, x[2 * j]) + dot(wh, x[2 * j + 1]);
                }
            }
        }
    }
#endif
    if (INPUT_MODE == 1) sumSq = subgroupAdd(sumSq);
    const float scale = INPUT_MODE == 1 ? inversesqrt(sumSq / float(p.normCols) + p.eps) : 1.0;
    for (uint k = 0; k < WIDE_ROWS; ++k) {
        const uint r = first + gl_SubgroupInvocationID + k * lanes;
        if (r < p.rows) {
            const uint yi = p.yOff + t0 * p.yStride + r;
            Y[yi] = p.accumulate != 0 ? Y[yi] + acc[k] * scale : acc[k] * scale;
        }
    }
}
