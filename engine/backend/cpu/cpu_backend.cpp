#include "backend/cpu/cpu_backend.h"

#include "backend/cpu/attention.h"
#include "backend/cpu/cpu_features.h"
#include "backend/cpu/matmul.h"
#include "backend/reference/ops.h"
#include "model/layer_plan.h"
#include "sosoik/error.h"

#include <cmath>
#include <new>
#include <vector>

namespace sosoik::backend {
namespace {

using namespace cpu;

// K and V of every layer in half precision: [layer][position][nHeadKv · headDim]. Half the memory
// traffic of F32 for attention, and the same layout and precision as the Vulkan backend's cache.
class CpuCache : public KvCache {
public:
    CpuCache(int layers, int capacity, int kvDim) : capacity_(capacity), kvDim_(kvDim) {
        const size_t n = size_t(layers) * capacity * kvDim;
        try {
            k_.resize(n);
            v_.resize(n);
        } catch (const std::bad_alloc&) {
            throw Error(Error::Kind::OutOfMemory, "not enough memory for a KV cache of " +
                                                      std::to_string(capacity) + " tokens (" +
                                                      std::to_string(2 * n * 2 >> 20) + " MiB)");
        }
    }
    int capacity() const override { return capacity_; }
    uint16_t* k(int layer, int pos) { return k_.data() + (size_t(layer) * capacity_ + pos) * kvDim_; }
    uint16_t* v(int layer, int pos) { return v_.data() + (size_t(layer) * capacity_ + pos) * kvDim_; }

private:
    int capacity_, kvDim_;
    std::vector<uint16_t> k_, v_;
};

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

// Executes the layer plan op by op. Matrix products and attention have their own kernels (the
// time goes there); the element-wise ops reuse the reference backend's functions, which are
// already the definition and cost a few per cent of a token.
class CpuBackend : public Backend {
public:
    CpuBackend(const model::HParams& hp, const model::Weights& w, const LoadOptions& options)
        : hp_(hp), plan_(model::planFor(hp, w)), kernels_(kernelsFor(chosenIsa())),
          pool_(options.threads > 0 ? options.threads : physicalCores()),
          matmul_(kernels_, pool_, options.cpuFastPrompts) {
        vectors_.resize(plan_.ops.size());
        matrices_.resize(plan_.ops.size());
        for (size_t i = 0; i < plan_.ops.size(); ++i) {
            const model::Op& op = plan_.ops[i];
            if (op.kind == model::OpKind::RmsNorm || op.kind == model::OpKind::AddBias ||
                op.kind == model::OpKind::HeadRmsNorm)
                vectors_[i] = dequantized(op.weights);
            else if (op.kind == model::OpKind::Rope && op.rope.factors)
                vectors_[i] = dequantized({op.rope.factors});
            else if (op.kind == model::OpKind::MatMul)
                for (model::Tensor t : op.weights)
                    matrices_[i].push_back(weightMatrix(*t));
        }
        for (int b = 0; b < model::kBufCount; ++b)
            width_[b] = model::planBufferWidth(hp_, static_cast<model::Buf>(b));
    }

    std::string name() const override {
        return std::string("cpu: ") + isaName(kernels_.isa) + ", " + std::to_string(pool_.size()) +
               (pool_.size() == 1 ? " thread" : " threads");
    }

    std::unique_ptr<KvCache> createCache(int contextLength) override {
        if (contextLength <= 0) throw Error(Error::Kind::InvalidArgument, "context length must be positive");
        return std::make_unique<CpuCache>(hp_.nLayer, contextLength, hp_.nHeadKv * hp_.headDim);
    }

    void forward(KvCache& cacheBase, std::span<const int32_t> tokens, int pos, std::span<float> logits,
                 bool allLogits, const std::atomic<bool>* cancel) override {
        auto& cache = dynamic_cast<CpuCache&>(cacheBase);
        const int n = static_cast<int>(tokens.size());
        if (n == 0) return;
        if (pos < 0 || pos + n > cache.capacity())
            throw Error(Error::Kind::InvalidArgument,
                        "positions " + std::to_string(pos) + ".." + std::to_string(pos + n - 1) +
                            " exceed the context of " + std::to_string(cache.capacity()) + " tokens");
        const size_t needed = size_t(allLogits ? n : 1) * hp_.nVocab;
        if (!logits.empty() && logits.size() < needed)
            throw Error(Error::Kind::InvalidArgument, "logits buffer too small");
        for (int32_t t : tokens)
            if (t < 0 || t >= hp_.nVocab)
                throw Error(Error::Kind::InvalidArgument, "token id " + std::to_string(t) +
                                                              " is outside the vocabulary (0.." +
                                                              std::to_string(hp_.nVocab - 1) + ")");

        Pass pass{cache, tokens, pos};
        ropeTables_.clear();
        for (int b = 0; b < model::kBufCount; ++b)
            if (static_cast<model::Buf>(b) != model::Buf::Logits) buf_[b].resize(size_t(n) * width_[b]);
        int layer = -1;
        for (size_t i = 0; i < plan_.outputBegin; ++i) {
            const model::Op& op = plan_.ops[i];
            if (op.layer != layer && cancel && cancel->load())
                throw Error(Error::Kind::Cancelled, "decoding was cancelled");
            layer = op.layer;
            run(i, pass, data(op.in), data(op.out), n);
        }
        if (logits.empty()) return; // only the KV cache was wanted
        const int first = allLogits ? 0 : n - 1, rows = n - first;
        for (size_t i = plan_.outputBegin; i < plan_.ops.size(); ++i) {
            const model::Op& op = plan_.ops[i];
            auto view = [&](model::Buf b) {
                if (b == model::Buf::Logits) return logits.data();
                float* p = data(b);
                return b == model::Buf::X ? p + size_t(first) * width_[int(b)] : p;
            };
            run(i, pass, view(op.in), view(op.out), rows);
        }
    }

private:
    // fn(t) for every row, shared out among the pool's threads when there are several rows.
    template <class F> void eachRow(int rows, F&& fn) {
        if (rows == 1) {
            fn(0);
            return;
        }
        pool_.parallelFor(rows, 1, [&](int b, int e, int) {
            for (int t = b; t < e; ++t)
                fn(t);
        });
    }

    // cos | sin of every rotated pair for positions pos.. (one row of headDim per position), computed
    // as reference::rope computes them (double, then float) and shared by the layers with this spec.
    const std::vector<float>& ropeTable(const model::RopeSpec& r, const std::vector<float>& factors, int pos,
                                        int rows) {
        for (const RopeTable& t : ropeTables_)
            if (t.pos == pos && t.rows == rows && t.freqBase == r.freqBase && t.freqScale == r.freqScale &&
                t.attnFactor == r.attnFactor && t.factors == r.factors)
                return t.cs;
        RopeTable& t = ropeTables_.emplace_back();
        t.pos = pos, t.rows = rows, t.freqBase = r.freqBase, t.freqScale = r.freqScale;
        t.attnFactor = r.attnFactor, t.factors = r.factors;
        const int hd = hp_.headDim, half = hd / 2;
        t.cs.resize(size_t(rows) * hd);
        for (int row = 0; row < rows; ++row) {
            const float at = float(pos + row) * r.freqScale;
            for (int i = 0; i < half; ++i) {
                double theta = at * std::pow(double(r.freqBase), -2.0 * i / hd);
                if (!factors.empty()) theta /= factors[size_t(i)];
                t.cs[size_t(row) * hd + i] = static_cast<float>(std::cos(theta) * r.attnFactor);
                t.cs[size_t(row) * hd + half + i] = static_cast<float>(std::sin(theta) * r.attnFactor);
            }
        }
        return t.cs;
    }
    struct RopeTable {
        int pos = 0, rows = 0;
        float freqBase = 0, freqScale = 0, attnFactor = 0;
        model::Tensor factors = nullptr;
        std::vector<float> cs;
    };
    std::vector<RopeTable> ropeTables_; // this forward pass's

    struct Pass {
        CpuCache& cache;
        std::span<const int32_t> tokens;
        int pos;
    };
    float* data(model::Buf b) { return buf_[static_cast<int>(b)].data(); }

    void run(size_t i, Pass& pass, float* in, float* out, int rows) {
        using model::OpKind;
        const model::Op& op = plan_.ops[i];
        const std::vector<float>& vec = vectors_[i];
        const int inW = width_[static_cast<int>(op.in)], outW = width_[static_cast<int>(op.out)];
        const int hd = hp_.headDim, Q = hp_.nHead * hd, KV = hp_.nHeadKv * hd;
        switch (op.kind) {
        case OpKind::Embed: {
            const WeightMatrix table = weightMatrix(*op.weights[0]);
            for (int t = 0; t < rows; ++t) {
                const uint8_t* row = table.data + table.rowBytes * size_t(pass.tokens[t]);
                float* y = out + size_t(t) * outW;
                if (table.type == gguf::TensorType::F16)
                    kernels_.fromF16(outW, reinterpret_cast<const uint16_t*>(row), y);
                else
                    gguf::dequantizeRow(table.type, row, y, size_t(outW));
                if (op.scale != 1.f) kernels_.scale(outW, op.scale, y);
            }
            break;
        }
        case OpKind::RmsNorm:
            eachRow(rows, [&](int t) {
                kernels_.rmsnorm(inW, in + size_t(t) * inW, vec.data(), op.eps, out + size_t(t) * outW);
            });
            break;
        case OpKind::MatMul:
            matmul_.run(matrices_[i], in, rows, size_t(inW), out, size_t(outW));
            break;
        case OpKind::AddBias:
            for (int t = 0; t < rows; ++t)
                reference::add(out + size_t(t) * outW, vec.data(), static_cast<int>(vec.size()));
            break;
        case OpKind::HeadRmsNorm:
            eachRow(rows, [&](int t) {
                for (int h = 0; h < hp_.nHead + hp_.nHeadKv; ++h) {
                    float* head = out + size_t(t) * outW + size_t(h) * hd;
                    reference::rmsnorm(head, vec.data() + (h < hp_.nHead ? 0 : hd), hd, op.eps, head);
                }
            });
            break;
        case OpKind::Rope: {
            const std::vector<float>& cs = ropeTable(op.rope, vec, pass.pos, rows);
            const bool interleaved = op.rope.layout == model::RopeLayout::Interleaved;
            const int half = hd / 2;
            eachRow(rows, [&](int t) {
                float* row = out + size_t(t) * outW;
                const float* c = cs.data() + size_t(t) * hd; // cos | sin of each pair
                for (int h = 0; h < hp_.nHead + hp_.nHeadKv; ++h) {
                    float* head = row + size_t(h) * hd;
                    for (int i = 0; i < half; ++i) {
                        const int a = interleaved ? 2 * i : i, b = interleaved ? 2 * i + 1 : i + half;
                        const float x0 = head[a], x1 = head[b];
                        head[a] = x0 * c[i] - x1 * c[half + i];
                        head[b] = x0 * c[half + i] + x1 * c[i];
                    }
                }
            });
            break;
        }
        case OpKind::Attention: {
            CpuCache& cache = pass.cache;
            for (int t = 0; t < rows; ++t) {
                const float* row = in + size_t(t) * inW;
                kernels_.toF16(KV, row + Q, cache.k(op.layer, pass.pos + t));
                kernels_.toF16(KV, row + Q + KV, cache.v(op.layer, pass.pos + t));
            }
            AttentionShape shape{hp_.nHead,          hp_.nHeadKv,          hd,
                                 op.attention.scale, op.attention.softCap, op.attention.window};
            attention(kernels_, pool_, shape, in, size_t(inW), rows, pass.pos, cache.k(op.layer, 0),
                      cache.v(op.layer, 0), out);
            break;
        }
        case OpKind::Glu: {
            // Split by rows, or by columns for a single token (exp/tanh cost as much as a small matvec).
            auto glu = [&](int t, int begin, int end) {
                const float* gate = in + size_t(t) * inW;
                float* y = out + size_t(t) * outW;
                if (op.activation == model::Activation::Silu)
                    kernels_.swiglu(end - begin, gate + begin, gate + outW + begin, y + begin);
                else
                    reference::geglu(gate + begin, gate + outW + begin, end - begin, y + begin);
            };
            if (rows > 1)
                eachRow(rows, [&](int t) { glu(t, 0, outW); });
            else
                pool_.parallelFor(outW, 512, [&](int b, int e, int) { glu(0, b, e); });
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

    model::HParams hp_;
    model::LayerPlan plan_;
    const Kernels& kernels_;
    ThreadPool pool_;
    MatMul matmul_;
    int width_[model::kBufCount] = {};
    std::vector<float> buf_[model::kBufCount];
    std::vector<std::vector<float>> vectors_;         // per op: norm weights, biases or RoPE factors
    std::vector<std::vector<WeightMatrix>> matrices_; // per MatMul op: its stacked weights
};

} // namespace

std::unique_ptr<Backend> createCpuBackend(const model::HParams& hparams, const model::Weights& weights,
                                          const LoadOptions& options) {
    return std::make_unique<CpuBackend>(hparams, weights, options);
}

} // namespace sosoik::backend
