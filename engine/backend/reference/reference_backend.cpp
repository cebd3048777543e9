#include "backend/reference/reference_backend.h"

#include "backend/reference/ops.h"
#include "sosoik/error.h"

#include <new>
#include <thread>
#include <vector>

namespace sosoik::backend {
namespace {

using reference::Matrix;
using reference::matrixOf;

// K and V of every layer: [layer][position][nHeadKv * headDim].
class ReferenceCache : public KvCache {
public:
    ReferenceCache(int layers, int capacity, int kvDim) : capacity_(capacity), kvDim_(kvDim) {
        const size_t n = size_t(layers) * capacity * kvDim;
        try {
            k_.resize(n);
            v_.resize(n);
        } catch (const std::bad_alloc&) {
            throw Error(Error::Kind::OutOfMemory, "not enough memory for a KV cache of " +
                                                      std::to_string(capacity) + " tokens (" +
                                                      std::to_string(2 * n * 4 >> 20) + " MiB)");
        }
    }
    int capacity() const override { return capacity_; }
    float* k(int layer, int pos) { return k_.data() + (size_t(layer) * capacity_ + pos) * kvDim_; }
    float* v(int layer, int pos) { return v_.data() + (size_t(layer) * capacity_ + pos) * kvDim_; }

private:
    int capacity_, kvDim_;
    std::vector<float> k_, v_;
};

std::vector<float> dequantized(model::Tensor t) {
    if (!t) return {};
    std::vector<float> v(t->elements());
    gguf::dequantizeRow(t->type, t->data, v.data(), v.size());
    return v;
}

struct LayerVectors {
    std::vector<float> attnNorm, ffnNorm, bq, bk, bv, qNorm, kNorm;
};

class ReferenceBackend : public Backend {
public:
    ReferenceBackend(const model::HParams& hp, const model::Weights& w, int threads)
        : hp_(hp), w_(w),
          threads_(threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency())) {
        outputNorm_ = dequantized(w.outputNorm);
        ropeFreqs_ = dequantized(w.ropeFreqs);
        for (const auto& L : w.layers)
            layers_.push_back({dequantized(L.attnNorm), dequantized(L.ffnNorm), dequantized(L.bq),
                               dequantized(L.bk), dequantized(L.bv), dequantized(L.qNorm),
                               dequantized(L.kNorm)});
    }

    std::string name() const override { return "reference"; }

    std::unique_ptr<KvCache> createCache(int contextLength) override {
        if (contextLength <= 0) throw Error(Error::Kind::InvalidArgument, "context length must be positive");
        return std::make_unique<ReferenceCache>(hp_.nLayer, contextLength, hp_.nHeadKv * hp_.headDim);
    }

    void forward(KvCache& cacheBase, std::span<const int32_t> tokens, int pos, std::span<float> logits,
                 bool allLogits, const std::atomic<bool>* cancel) override {
        auto& cache = dynamic_cast<ReferenceCache&>(cacheBase);
        const int n = static_cast<int>(tokens.size());
        if (n == 0) return;
        if (pos < 0 || pos + n > cache.capacity())
            throw Error(Error::Kind::InvalidArgument,
                        "positions " + std::to_string(pos) + ".." + std::to_string(pos + n - 1) +
                            " exceed the context of " + std::to_string(cache.capacity()) + " tokens");
        const size_t needed = size_t(allLogits ? n : 1) * hp_.nVocab;
        if (!logits.empty() && logits.size() < needed)
            throw Error(Error::Kind::InvalidArgument, "logits buffer too small");

        const int E = hp_.nEmbd, Q = hp_.nHead * hp_.headDim, KV = hp_.nHeadKv * hp_.headDim, FF = hp_.nFf;
        const float* freqs = ropeFreqs_.empty() ? nullptr : ropeFreqs_.data();
        std::vector<float> x(size_t(n) * E), h(size_t(n) * E), q(size_t(n) * Q), k(size_t(n) * KV),
            v(size_t(n) * KV), att(size_t(n) * Q), gate(size_t(n) * FF), up(size_t(n) * FF);

        const Matrix embd = matrixOf(*w_.tokenEmbd);
        for (int t = 0; t < n; ++t)
            reference::embed(embd, tokens[t], x.data() + size_t(t) * E);

        for (int l = 0; l < hp_.nLayer; ++l) {
            if (cancel && cancel->load()) throw Error(Error::Kind::Cancelled, "decoding was cancelled");
            const auto& L = w_.layers[l];
            const auto& vec = layers_[l];
            for (int t = 0; t < n; ++t)
                reference::rmsnorm(&x[size_t(t) * E], vec.attnNorm.data(), E, hp_.rmsNormEps,
                                   &h[size_t(t) * E]);
            if (L.wqkv) {
                splitRows(*L.wqkv, h.data(), n, {{q.data(), Q}, {k.data(), KV}, {v.data(), KV}});
            } else {
                reference::matmul(matrixOf(*L.wq), h.data(), n, q.data(), threads_);
                reference::matmul(matrixOf(*L.wk), h.data(), n, k.data(), threads_);
                reference::matmul(matrixOf(*L.wv), h.data(), n, v.data(), threads_);
            }
            for (int t = 0; t < n; ++t) {
                float *qt = &q[size_t(t) * Q], *kt = &k[size_t(t) * KV], *vt = &v[size_t(t) * KV];
                if (!vec.bq.empty()) {
                    reference::add(qt, vec.bq.data(), Q);
                    reference::add(kt, vec.bk.data(), KV);
                    reference::add(vt, vec.bv.data(), KV);
                }
                if (!vec.qNorm.empty()) {
                    for (int h = 0; h < hp_.nHead; ++h)
                        reference::rmsnorm(qt + h * hp_.headDim, vec.qNorm.data(), hp_.headDim,
                                           hp_.rmsNormEps, qt + h * hp_.headDim);
                    for (int h = 0; h < hp_.nHeadKv; ++h)
                        reference::rmsnorm(kt + h * hp_.headDim, vec.kNorm.data(), hp_.headDim,
                                           hp_.rmsNormEps, kt + h * hp_.headDim);
                }
                const float at = float(pos + t) * hp_.ropeFreqScale;
                reference::rope(qt, hp_.nHead, hp_.headDim, at, hp_.ropeFreqBase, hp_.ropeLayout, freqs,
                                hp_.ropeAttnFactor);
                reference::rope(kt, hp_.nHeadKv, hp_.headDim, at, hp_.ropeFreqBase, hp_.ropeLayout, freqs,
                                hp_.ropeAttnFactor);
                std::copy(kt, kt + KV, cache.k(l, pos + t));
                std::copy(vt, vt + KV, cache.v(l, pos + t));
            }
            reference::attentionCausal(q.data(), n, pos, cache.k(l, 0), cache.v(l, 0), hp_.nHead, hp_.nHeadKv,
                                       hp_.headDim, att.data(), threads_);
            reference::matmul(matrixOf(*L.wo), att.data(), n, h.data(), threads_);
            reference::add(x.data(), h.data(), n * E);

            for (int t = 0; t < n; ++t)
                reference::rmsnorm(&x[size_t(t) * E], vec.ffnNorm.data(), E, hp_.rmsNormEps,
                                   &h[size_t(t) * E]);
            if (L.wGateUp) {
                splitRows(*L.wGateUp, h.data(), n, {{gate.data(), FF}, {up.data(), FF}});
            } else {
                reference::matmul(matrixOf(*L.wGate), h.data(), n, gate.data(), threads_);
                reference::matmul(matrixOf(*L.wUp), h.data(), n, up.data(), threads_);
            }
            reference::swiglu(gate.data(), up.data(), n * FF, gate.data());
            reference::matmul(matrixOf(*L.wDown), gate.data(), n, h.data(), threads_);
            reference::add(x.data(), h.data(), n * E);
        }

        if (logits.empty()) return; // only the KV cache was wanted
        const int first = allLogits ? 0 : n - 1, count = n - first;
        for (int t = first; t < n; ++t)
            reference::rmsnorm(&x[size_t(t) * E], outputNorm_.data(), E, hp_.rmsNormEps,
                               &h[size_t(t - first) * E]);
        reference::matmul(matrixOf(*w_.output), h.data(), count, logits.data(), threads_);
    }

private:
    // y = W·x for a matrix whose rows are several outputs stacked (fused q|k|v or gate|up): the
    // product row by token, then each token's row cut into the outputs (width floats each).
    void splitRows(const gguf::TensorInfo& w, const float* x, int n,
                   std::vector<std::pair<float*, int>> outs) {
        int total = 0;
        for (const auto& o : outs)
            total += o.second;
        std::vector<float> fused(size_t(n) * total);
        reference::matmul(matrixOf(w), x, n, fused.data(), threads_);
        for (int t = 0; t < n; ++t) {
            const float* row = fused.data() + size_t(t) * total;
            for (auto& [dst, width] : outs) {
                std::copy(row, row + width, dst + size_t(t) * width);
                row += width;
            }
        }
    }

    model::HParams hp_;
    const model::Weights& w_;
    int threads_;
    std::vector<float> outputNorm_, ropeFreqs_;
    std::vector<LayerVectors> layers_;
};

} // namespace

std::unique_ptr<Backend> createReferenceBackend(const model::HParams& hparams, const model::Weights& weights,
                                                const LoadOptions& options) {
    return std::make_unique<ReferenceBackend>(hparams, weights, options.threads);
}

} // namespace sosoik::backend
