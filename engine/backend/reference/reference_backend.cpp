#include "backend/reference/reference_backend.h"

#include "backend/reference/ops.h"
#include "model/layer_plan.h"
#include "sosoik/error.h"

#include <algorithm>
#include <new>
#include <set>
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

// The stacked tensors as one F32 vector (norm weights, biases).
std::vector<float> dequantized(const std::vector<model::Tensor>& stacked) {
    std::vector<float> v;
    for (model::Tensor t : stacked) {
        if (!t) continue;
        const size_t at = v.size();
        v.resize(at + t->elements());
        gguf::dequantizeRow(t->type, t->data, v.data() + at, t->elements());
    }
    return v;
}

// Executes the layer plan op by op, plainly: this is the oracle the other backends are tested against.
class ReferenceBackend : public Backend {
public:
    ReferenceBackend(const model::HParams& hp, const model::Weights& w, int threads)
        : hp_(hp), plan_(model::planFor(hp, w)),
          threads_(threads > 0 ? threads : std::max(1u, std::thread::hardware_concurrency())) {
        vectors_.resize(plan_.ops.size());
        for (size_t i = 0; i < plan_.ops.size(); ++i) {
            const model::Op& op = plan_.ops[i];
            if (op.kind == model::OpKind::RmsNorm || op.kind == model::OpKind::AddBias ||
                op.kind == model::OpKind::HeadRmsNorm)
                vectors_[i] = dequantized(op.weights);
            else if (op.kind == model::OpKind::Rope && op.rope.factors)
                vectors_[i] = dequantized({op.rope.factors});
        }
        for (int b = 0; b < model::kBufCount; ++b)
            width_[b] = model::planBufferWidth(hp_, static_cast<model::Buf>(b));
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

        Pass pass{cache, tokens, pos, n};
        for (int b = 0; b < model::kBufCount; ++b)
            if (static_cast<model::Buf>(b) != model::Buf::Logits) pass.buf[b].resize(size_t(n) * width_[b]);
        int layer = -1;
        for (size_t i = 0; i < plan_.outputBegin; ++i) {
            const model::Op& op = plan_.ops[i];
            if (op.layer != layer && cancel && cancel->load())
                throw Error(Error::Kind::Cancelled, "decoding was cancelled");
            layer = op.layer;
            run(i, pass, pass.data(op.in), pass.data(op.out), n);
        }
        if (logits.empty()) return; // only the KV cache was wanted
        // The head runs on the rows whose logits are wanted: X from row `first`, outputs from row 0.
        const int first = allLogits ? 0 : n - 1, rows = n - first;
        for (size_t i = plan_.outputBegin; i < plan_.ops.size(); ++i) {
            const model::Op& op = plan_.ops[i];
            auto view = [&](model::Buf b) {
                if (b == model::Buf::Logits) return logits.data();
                float* p = pass.data(b);
                return b == model::Buf::X ? p + size_t(first) * width_[int(b)] : p;
            };
            run(i, pass, view(op.in), view(op.out), rows);
        }
    }

private:
    struct Pass {
        ReferenceCache& cache;
        std::span<const int32_t> tokens;
        int pos, n;
        std::vector<float> buf[model::kBufCount];
        float* data(model::Buf b) { return buf[static_cast<int>(b)].data(); }
    };

    // Op i over `rows` rows of in/out (row widths from the plan's buffers).
    void run(size_t i, Pass& pass, float* in, float* out, int rows) {
        using model::OpKind;
        const model::Op& op = plan_.ops[i];
        const std::vector<float>& vec = vectors_[i];
        const int inW = width_[static_cast<int>(op.in)], outW = width_[static_cast<int>(op.out)];
        const int hd = hp_.headDim, Q = hp_.nHead * hd, KV = hp_.nHeadKv * hd;
        switch (op.kind) {
        case OpKind::Embed: {
            const Matrix table = matrixOf(*op.weights[0]);
            for (int t = 0; t < rows; ++t) {
                reference::embed(table, pass.tokens[t], out + size_t(t) * outW);
                if (op.scale != 1.f)
                    for (int c = 0; c < outW; ++c)
                        out[size_t(t) * outW + c] *= op.scale;
            }
            break;
        }
        case OpKind::RmsNorm:
            for (int t = 0; t < rows; ++t)
                reference::rmsnorm(in + size_t(t) * inW, vec.data(), inW, op.eps, out + size_t(t) * outW);
            break;
        case OpKind::MatMul:
            matMul(op.weights, in, rows, out, outW);
            break;
        case OpKind::AddBias:
            for (int t = 0; t < rows; ++t)
                reference::add(out + size_t(t) * outW, vec.data(), static_cast<int>(vec.size()));
            break;
        case OpKind::HeadRmsNorm:
            for (int t = 0; t < rows; ++t)
                for (int h = 0; h < hp_.nHead + hp_.nHeadKv; ++h) {
                    float* head = out + size_t(t) * outW + size_t(h) * hd;
                    reference::rmsnorm(head, vec.data() + (h < hp_.nHead ? 0 : hd), hd, op.eps, head);
                }
            break;
        case OpKind::Rope: {
            const auto& r = op.rope;
            const float* factors = vec.empty() ? nullptr : vec.data();
            for (int t = 0; t < rows; ++t) {
                float* row = out + size_t(t) * outW;
                const float at = float(pass.pos + t) * r.freqScale;
                reference::rope(row, hp_.nHead, hd, at, r.freqBase, r.layout, factors, r.attnFactor);
                reference::rope(row + Q, hp_.nHeadKv, hd, at, r.freqBase, r.layout, factors, r.attnFactor);
            }
            break;
        }
        case OpKind::Attention: {
            ReferenceCache& cache = pass.cache;
            for (int t = 0; t < rows; ++t) {
                const float* row = in + size_t(t) * inW;
                std::copy(row + Q, row + Q + KV, cache.k(op.layer, pass.pos + t));
                std::copy(row + Q + KV, row + Q + 2 * KV, cache.v(op.layer, pass.pos + t));
            }
            reference::AttentionOptions o{op.attention.scale, op.attention.softCap, op.attention.window};
            reference::attentionCausal(in, rows, pass.pos, cache.k(op.layer, 0), cache.v(op.layer, 0),
                                       hp_.nHead, hp_.nHeadKv, hd, out, threads_, o, inW);
            break;
        }
        case OpKind::Glu: {
            const int ff = outW;
            for (int t = 0; t < rows; ++t) {
                const float* gate = in + size_t(t) * inW;
                float* y = out + size_t(t) * outW;
                if (op.activation == model::Activation::Silu)
                    reference::swiglu(gate, gate + ff, ff, y);
                else
                    reference::geglu(gate, gate + ff, ff, y);
            }
            break;
        }
        case OpKind::Add:
            reference::add(out, in, rows * outW);
            break;
        case OpKind::SoftCap:
            reference::softCap(out, rows * outW, op.scale);
            break;
        }
    }

    // y = W·x for W stacked by rows: one product per tensor, each written at its column offset of
    // the output rows (q|k|v, gate|up).
    void matMul(const std::vector<model::Tensor>& stacked, const float* x, int n, float* y, int yWidth) {
        if (stacked.size() == 1) {
            reference::matmul(matrixOf(*stacked[0]), x, n, y, threads_);
            return;
        }
        int at = 0;
        std::vector<float> part;
        for (model::Tensor t : stacked) {
            const Matrix m = matrixOf(*t);
            part.resize(size_t(n) * m.rows);
            reference::matmul(m, x, n, part.data(), threads_);
            for (int r = 0; r < n; ++r)
                std::copy(part.begin() + size_t(r) * m.rows, part.begin() + size_t(r + 1) * m.rows,
                          y + size_t(r) * yWidth + at);
            at += m.rows;
        }
    }

    model::HParams hp_;
    model::LayerPlan plan_;
    int threads_;
    int width_[model::kBufCount] = {};
    std::vector<std::vector<float>> vectors_; // per op: its norm weights, biases or RoPE factors
};

} // namespace

uint64_t referenceBytesNeeded(const model::HParams& hp, const model::Weights& weights) {
    const model::LayerPlan plan = model::planFor(hp, weights);
    std::set<model::Tensor> seen; // a tied output is the embedding table: counted once
    uint64_t bytes = 0;
    for (const model::Op& op : plan.ops)
        for (model::Tensor t : op.weights)
            if (t && seen.insert(t).second) bytes += t->bytes;
    const uint64_t context = uint64_t(std::min(hp.nCtxTrain > 0 ? hp.nCtxTrain : 4096, 4096));
    bytes += 2 * sizeof(float) * uint64_t(hp.nLayer) * context * uint64_t(hp.nHeadKv) * uint64_t(hp.headDim);
    uint64_t rowFloats = 0;
    for (int b = 0; b < model::kBufCount; ++b)
        if (static_cast<model::Buf>(b) != model::Buf::Logits)
            rowFloats += uint64_t(std::max(0, model::planBufferWidth(hp, static_cast<model::Buf>(b))));
    return bytes + sizeof(float) * (512 * rowFloats + uint64_t(std::max(0, hp.nVocab)));
}

std::unique_ptr<Backend> createReferenceBackend(const model::HParams& hparams, const model::Weights& weights,
                                                const LoadOptions& options) {
    return std::make_unique<ReferenceBackend>(hparams, weights, options.threads);
}

} // namespace sosoik::backend
