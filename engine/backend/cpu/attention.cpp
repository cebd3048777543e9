#include "backend/cpu/attention.h"

#include <algorithm>
#include <cmath>
#include <type_traits>
#include <vector>

namespace sosoik::backend::cpu {
namespace {

constexpr int kBlock = 64; // keys per online-softmax step
constexpr int kTile = 4;   // prompt tokens per task: they share each key and value row converted from F16

// The running softmax of one (query, head): maximum, sum of weights, weighted sum of values.
struct Running {
    float max = -INFINITY, sum = 0;
    float* out = nullptr; // headDim floats
};

float softCapped(const AttentionShape& s, float score) {
    return s.softCap > 0.f ? s.softCap * std::tanh(score / s.softCap) : score;
}

int firstKey(const AttentionShape& s, int last) {
    return s.window > 0 ? std::max(0, last - s.window + 1) : 0;
}

// Folds `count` rows (k, v: the block's first row, `stride` values apart; F16 cache rows, or F32 rows
// a prompt tile converted once for its tokens and heads) into r, a block per kernel call (kernels.h: scores,
// expSum, weightedSum; per-key dot and axpy calls were 18 % of a SmolLM2-135M tg512).
template <class T>
void foldRows(const Kernels& kn, const AttentionShape& s, const float* q, const T* k, const T* v,
              size_t stride, int count, Running& r, float* scores) {
    const int hd = s.headDim;
    if constexpr (std::is_same_v<T, uint16_t>)
        kn.scoresF16(hd, q, k, stride, count, scores);
    else
        kn.scoresF32(hd, q, k, stride, count, scores);
    float blockMax = -INFINITY;
    for (int j = 0; j < count; ++j) {
        scores[j] = softCapped(s, scores[j] * s.scale);
        blockMax = std::max(blockMax, scores[j]);
    }
    if (blockMax > r.max) {
        const float correction = std::exp(r.max - blockMax); // 0 on the first block
        r.sum *= correction;
        kn.scale(hd, correction, r.out);
        r.max = blockMax;
    }
    r.sum += kn.expSum(count, scores, r.max);
    if constexpr (std::is_same_v<T, uint16_t>)
        kn.weightedSumF16(hd, scores, v, stride, count, r.out);
    else
        kn.weightedSumF32(hd, scores, v, stride, count, r.out);
}

} // namespace

void attention(const Kernels& kn, ThreadPool& pool, const AttentionShape& s, const float* q, size_t qStride,
               int n, int startPos, const uint16_t* k, const uint16_t* v, float* out) {
    const int group = s.nHead / s.nHeadKv, hd = s.headDim;
    const size_t kvStride = size_t(s.nHeadKv) * hd, outStride = size_t(s.nHead) * hd;
    if (n == 1) {
        // A token step: one task per head, reading the F16 rows directly.
        pool.parallelFor(s.nHead, 1, [&](int begin, int end, int) {
            float scores[kBlock];
            for (int h = begin; h < end; ++h) {
                const size_t kvOffset = size_t(h / group) * hd;
                Running r{-INFINITY, 0.f, out + size_t(h) * hd};
                std::fill(r.out, r.out + hd, 0.f);
                for (int b = firstKey(s, startPos); b <= startPos; b += kBlock)
                    foldRows(kn, s, q + size_t(h) * hd, k + size_t(b) * kvStride + kvOffset,
                             v + size_t(b) * kvStride + kvOffset, kvStride,
                             std::min(startPos + 1, b + kBlock) - b, r, scores);
                kn.scale(hd, 1.f / r.sum, r.out);
            }
        });
        return;
    }
    // A prompt batch: one task per (KV head, tile of kTile tokens); each block of keys and values is
    // converted to F32 once for the group's heads × the tile's tokens.
    const int tiles = (n + kTile - 1) / kTile;
    pool.parallelFor(s.nHeadKv * tiles, 1, [&](int begin, int end, int) {
        thread_local std::vector<float> kf, vf; // the block's key and value rows in F32
        thread_local std::vector<Running> running;
        kf.resize(size_t(kBlock) * hd);
        vf.resize(size_t(kBlock) * hd);
        float scores[kBlock];
        for (int task = begin; task < end; ++task) {
            const int g = task / tiles, t0 = (task % tiles) * kTile, t1 = std::min(n, t0 + kTile);
            const size_t kvOffset = size_t(g) * hd;
            std::vector<Running>& runs = running;
            runs.assign(size_t(t1 - t0) * group, Running{});
            for (int t = t0; t < t1; ++t)
                for (int j = 0; j < group; ++j) {
                    Running& rr = runs[size_t(t - t0) * group + j];
                    rr.out = out + t * outStride + size_t(g * group + j) * hd;
                    std::fill(rr.out, rr.out + hd, 0.f);
                }
            const int from = firstKey(s, startPos + t0), to = startPos + t1 - 1; // keys any query sees
            for (int b = from; b <= to; b += kBlock) {
                const int e = std::min(to + 1, b + kBlock);
                for (int p = b; p < e; ++p) {
                    kn.fromF16(hd, k + size_t(p) * kvStride + kvOffset, kf.data() + size_t(p - b) * hd);
                    kn.fromF16(hd, v + size_t(p) * kvStride + kvOffset, vf.data() + size_t(p - b) * hd);
                }
                for (int t = t0; t < t1; ++t) {
                    const int last = startPos + t, first = firstKey(s, last);
                    const int qb = std::max(b, first), qe = std::min(e, last + 1);
                    if (qb >= qe) continue;
                    for (int j = 0; j < group; ++j)
                        foldRows(kn, s, q + t * qStride + size_t(g * group + j) * hd,
                                 kf.data() + size_t(qb - b) * hd, vf.data() + size_t(qb - b) * hd, size_t(hd),
                                 qe - qb, runs[size_t(t - t0) * group + j], scores);
                }
            }
            for (const Running& rr : runs)
                kn.scale(hd, 1.f / rr.sum, rr.out);
        }
    });
}

} // namespace sosoik::backend::cpu
