#include "backend/cpu/attention.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <vector>

namespace sosoik::backend::cpu {
namespace {

constexpr int kBlock = 64;

void oneHead(const Kernels& kn, const AttentionShape& s, const float* qh, int first, int last,
             const uint16_t* k, const uint16_t* v, size_t kvStride, float* oh, float* scores) {
    const int hd = s.headDim;
    float runningMax = -INFINITY, sum = 0;
    std::fill(oh, oh + hd, 0.f);
    for (int b = first; b <= last; b += kBlock) {
        const int e = std::min(last + 1, b + kBlock);
        float blockMax = -INFINITY;
        for (int p = b; p < e; ++p) {
            float score = kn.dotF16(hd, k + size_t(p) * kvStride, qh) * s.scale;
            if (s.softCap > 0.f) score = s.softCap * std::tanh(score / s.softCap);
            scores[p - b] = score;
            blockMax = std::max(blockMax, score);
        }
        if (blockMax > runningMax) {
            const float correction = std::exp(runningMax - blockMax); // 0 on the first block
            sum *= correction;
            kn.scale(hd, correction, oh);
            runningMax = blockMax;
        }
        for (int p = b; p < e; ++p) {
            const float w = std::exp(scores[p - b] - runningMax);
            sum += w;
            kn.axpyF16(hd, w, v + size_t(p) * kvStride, oh);
        }
    }
    kn.scale(hd, 1.f / sum, oh);
}

} // namespace

void attention(const Kernels& kernels, ThreadPool& pool, const AttentionShape& s, const float* q,
               size_t qStride, int n, int startPos, const uint16_t* k, const uint16_t* v, float* out) {
    const int group = s.nHead / s.nHeadKv, hd = s.headDim;
    const size_t kvStride = size_t(s.nHeadKv) * hd, outStride = size_t(s.nHead) * hd;
    const int tasks = n * s.nHead;
    std::atomic<int> next{0};
    pool.run([&](int, int) {
        float scores[kBlock];
        for (int task = next.fetch_add(1); task < tasks; task = next.fetch_add(1)) {
            const int t = task / s.nHead, h = task % s.nHead;
            const int last = startPos + t;
            const int first = s.window > 0 ? std::max(0, last - s.window + 1) : 0;
            const size_t kvOffset = size_t(h / group) * hd;
            oneHead(kernels, s, q + t * qStride + size_t(h) * hd, first, last, k + kvOffset, v + kvOffset,
                    kvStride, out + t * outStride + size_t(h) * hd, scores);
        }
    });
}

} // namespace sosoik::backend::cpu
