#include "backend/cpu/attention.h"

#include <algorithm>
#include <cmath>
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

// Folds the block of keys [b, e) into r: scores of q against the F32 rows k (row p at k + p·stride)
// that a prompt tile converted, values v.
void foldBlock(const Kernels& kn, const AttentionShape& s, const float* q, int b, int e, const float* k,
               const float* v, size_t stride, Running& r, float* scores) {
    const int hd = s.headDim;
    float blockMax = -INFINITY;
    for (int p = b; p < e; ++p) {
        const float dot = kn.dotF32(hd, k + size_t(p) * stride, q);
        scores[p - b] = softCapped(s, dot * s.scale);
        blockMax = std::max(blockMax, scores[p - b]);
    }
    if (blockMax > r.max) {
        const float correction = std::exp(r.max - blockMax); // 0 on the first block
        r.sum *= correction;
        kn.scale(hd, correction, r.out);
        r.max = blockMax;
    }
    for (int p = b; p < e; ++p) {
        const float w = std::exp(scores[p - b] - r.max);
        r.sum += w;
        kn.axpyF32(hd, w, v + size_t(p) * stride, r.out);
    }
}

int firstKey(const AttentionShape& s, int last) {
    return s.window > 0 ? std::max(0, last - s.window + 1) : 0;
}

} // namespace

void attention(const Kernels& kn, ThreadPool& pool, const AttentionShape& s, const float* q, size_t qStride,
               int n, int startPos, const uint16_t* k, const uint16_t* v, float* out) {
    const int group = s.nHead / s.nHeadKv, hd = s.headDim;
    const size_t kvStride = size_t(s.nHeadKv) * hd, outStride = size_t(s.nHead) * hd;
    if (n == 1) {
        // A token step: one task per head, reading the F16 rows directly, a block of keys per kernel
        // call (kernels.h: scoresF16, expSum, weightedSumF16), the output row's sums kept in registers.
        pool.parallelFor(s.nHead, 1, [&](int begin, int end, int) {
            float scores[kBlock];
            for (int h = begin; h < end; ++h) {
                const size_t kvOffset = size_t(h / group) * hd;
                const float* qh = q + size_t(h) * hd;
                float* o = out + size_t(h) * hd;
                std::fill(o, o + hd, 0.f);
                float max = -INFINITY, sum = 0;
                const int last = startPos;
                for (int b = firstKey(s, last); b <= last; b += kBlock) {
                    const int count = std::min(last + 1, b + kBlock) - b;
                    kn.scoresF16(hd, qh, k + size_t(b) * kvStride + kvOffset, kvStride, count, scores);
                    float blockMax = -INFINITY;
                    for (int j = 0; j < count; ++j) {
                        scores[j] = softCapped(s, scores[j] * s.scale);
                        blockMax = std::max(blockMax, scores[j]);
                    }
                    if (blockMax > max) {
                        const float correction = std::exp(max - blockMax); // 0 on the first block
                        sum *= correction;
                        kn.scale(hd, correction, o);
                        max = blockMax;
                    }
                    sum += kn.expSum(count, scores, max);
                    kn.weightedSumF16(hd, scores, v + size_t(b) * kvStride + kvOffset, kvStride, count, o);
                }
                kn.scale(hd, 1.f / sum, o);
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
                        foldBlock(kn, s, q + t * qStride + size_t(g * group + j) * hd, qb - b, qe - b,
                                  static_cast<const float*>(kf.data()), static_cast<const float*>(vf.data()),
                                  size_t(hd), runs[size_t(t - t0) * group + j], scores);
                }
            }
            for (const Running& rr : runs)
                kn.scale(hd, 1.f / rr.sum, rr.out);
        }
    });
}

} // namespace sosoik::backend::cpu
