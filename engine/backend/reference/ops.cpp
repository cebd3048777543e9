#include "backend/reference/ops.h"

#include "sosoik/error.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

namespace sosoik::backend::reference {
namespace {

size_t stride(const Matrix& w) {
    return gguf::rowBytes(w.type, static_cast<size_t>(w.cols));
}

} // namespace

void parallelFor(int n, int threads, const std::function<void(int, int)>& fn) {
    threads = std::clamp(threads, 1, std::max(1, n));
    if (threads == 1) {
        fn(0, n);
        return;
    }
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    const int chunk = (n + threads - 1) / threads;
    for (int t = 1; t < threads; ++t) {
        const int b = t * chunk, e = std::min(n, b + chunk);
        if (b < e) pool.emplace_back(fn, b, e);
    }
    fn(0, std::min(n, chunk));
    for (auto& th : pool)
        th.join();
}

Matrix matrixOf(const gguf::TensorInfo& t) {
    Matrix m;
    m.type = t.type;
    m.data = t.data;
    m.cols = static_cast<int>(t.dims[0]);
    m.rows = static_cast<int>(t.elements() / t.dims[0]);
    return m;
}

void matvec(const Matrix& w, const float* x, float* y, int threads) {
    matmul(w, x, 1, y, threads);
}

void matmul(const Matrix& w, const float* x, int n, float* y, int threads) {
    // Small products are not worth a thread start (~20 µs each).
    const double work = double(w.rows) * w.cols * n;
    if (work < 256.0 * 1024) threads = 1;
    const size_t rb = stride(w);
    parallelFor(w.rows, threads, [&](int begin, int end) {
        std::vector<float> row(static_cast<size_t>(w.cols));
        for (int r = begin; r < end; ++r) {
            gguf::dequantizeRow(w.type, w.data + rb * static_cast<size_t>(r), row.data(), row.size());
            for (int t = 0; t < n; ++t) {
                const float* xt = x + static_cast<size_t>(t) * w.cols;
                float sum = 0;
                for (int c = 0; c < w.cols; ++c)
                    sum += row[c] * xt[c];
                y[static_cast<size_t>(t) * w.rows + r] = sum;
            }
        }
    });
}

void rmsnorm(const float* x, const float* weight, int n, float eps, float* out) {
    double ss = 0;
    for (int i = 0; i < n; ++i)
        ss += double(x[i]) * x[i];
    const float scale = static_cast<float>(1.0 / std::sqrt(ss / n + eps));
    for (int i = 0; i < n; ++i)
        out[i] = x[i] * scale * (weight ? weight[i] : 1.f);
}

void rope(float* x, int nHeads, int headDim, float pos, float freqBase, model::RopeLayout layout,
          const float* freqFactors, float attnFactor) {
    const int half = headDim / 2;
    for (int i = 0; i < half; ++i) {
        double theta = pos * std::pow(double(freqBase), -2.0 * i / headDim);
        if (freqFactors) theta /= freqFactors[i];
        const float c = static_cast<float>(std::cos(theta) * attnFactor),
                    s = static_cast<float>(std::sin(theta) * attnFactor);
        for (int h = 0; h < nHeads; ++h) {
            float* head = x + static_cast<size_t>(h) * headDim;
            const int a = layout == model::RopeLayout::Interleaved ? 2 * i : i;
            const int b = layout == model::RopeLayout::Interleaved ? 2 * i + 1 : i + half;
            const float x0 = head[a], x1 = head[b];
            head[a] = x0 * c - x1 * s;
            head[b] = x0 * s + x1 * c;
        }
    }
}

void attention(const float* q, const float* k, const float* v, int nKeys, int nHead, int nHeadKv, int headDim,
               float* out, float scale, float softCap, int firstKey) {
    const int group = nHead / nHeadKv, kvDim = nHeadKv * headDim;
    if (scale == 0.f) scale = 1.f / std::sqrt(static_cast<float>(headDim));
    firstKey = std::clamp(firstKey, 0, nKeys);
    std::vector<float> scores(static_cast<size_t>(nKeys));
    for (int h = 0; h < nHead; ++h) {
        const float* qh = q + static_cast<size_t>(h) * headDim;
        const size_t kvOffset = static_cast<size_t>(h / group) * headDim;
        float maxScore = -INFINITY;
        for (int p = firstKey; p < nKeys; ++p) {
            const float* kp = k + static_cast<size_t>(p) * kvDim + kvOffset;
            float dot = 0;
            for (int d = 0; d < headDim; ++d)
                dot += qh[d] * kp[d];
            scores[p] = dot * scale;
            if (softCap > 0.f) scores[p] = softCap * std::tanh(scores[p] / softCap);
            maxScore = std::max(maxScore, scores[p]);
        }
        double sum = 0;
        for (int p = firstKey; p < nKeys; ++p)
            sum += scores[p] = std::exp(scores[p] - maxScore);
        float* oh = out + static_cast<size_t>(h) * headDim;
        std::fill(oh, oh + headDim, 0.f);
        for (int p = firstKey; p < nKeys; ++p) {
            const float wgt = static_cast<float>(scores[p] / sum);
            const float* vp = v + static_cast<size_t>(p) * kvDim + kvOffset;
            for (int d = 0; d < headDim; ++d)
                oh[d] += wgt * vp[d];
        }
    }
}

void attentionCausal(const float* q, int n, int startPos, const float* k, const float* v, int nHead,
                     int nHeadKv, int headDim, float* out, int threads, const AttentionOptions& options,
                     int qStride) {
    const size_t qDim = static_cast<size_t>(nHead) * headDim, qStep = qStride > 0 ? size_t(qStride) : qDim;
    if (double(n) * (startPos + n) * qDim < 256.0 * 1024) threads = 1;
    parallelFor(n, threads, [&](int begin, int end) {
        for (int t = begin; t < end; ++t) {
            const int nKeys = startPos + t + 1;
            const int first = options.window > 0 ? std::max(0, nKeys - options.window) : 0;
            attention(q + t * qStep, k, v, nKeys, nHead, nHeadKv, headDim, out + t * qDim, options.scale,
                      options.softCap, first);
        }
    });
}

void swiglu(const float* gate, const float* up, int n, float* out) {
    for (int i = 0; i < n; ++i)
        out[i] = gate[i] / (1.f + std::exp(-gate[i])) * up[i];
}

void geglu(const float* gate, const float* up, int n, float* out) {
    constexpr float kSqrt2OverPi = 0.7978845608028654f;
    for (int i = 0; i < n; ++i) {
        const float x = gate[i];
        out[i] = 0.5f * x * (1.f + std::tanh(kSqrt2OverPi * (x + 0.044715f * x * x * x))) * up[i];
    }
}

void softCap(float* x, int n, float cap) {
    for (int i = 0; i < n; ++i)
        x[i] = cap * std::tanh(x[i] / cap);
}

void add(float* x, const float* y, int n) {
    for (int i = 0; i < n; ++i)
        x[i] += y[i];
}

void embed(const Matrix& table, int32_t token, float* out) {
    if (token < 0 || token >= table.rows)
        throw Error(Error::Kind::InvalidArgument, "token id " + std::to_string(token) +
                                                      " is outside the vocabulary (0.." +
                                                      std::to_string(table.rows - 1) + ")");
    gguf::dequantizeRow(table.type, table.data + stride(table) * static_cast<size_t>(token), out,
                        static_cast<size_t>(table.cols));
}

} // namespace sosoik::backend::reference
