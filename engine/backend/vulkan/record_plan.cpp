// Records the layer plan into one command buffer. The plan is executed op by op with these
// rewrites (the backend's fusion choices, never the architecture's):
//  - RmsNorm feeding a MatMul: one matvec that normalises its input on the fly (single token, fuse_);
//  - MatMul followed by Add of its output into another buffer: the matvec accumulates there
//    (the residual add costs nothing);
//  - AddBias, Rope and Attention: rope_store_kv.comp adds the bias, rotates q and k and stores k/v
//    in the cache in one pass, then the attention kernels run (split over positions when decoding);
//  - Glu feeding a MatMul: one matvec that computes silu(gate)·up while reading its input
//    (single token, fuse_; SwiGLU only);
//  - RmsNorm followed by Add of its output into another buffer: the norm kernel accumulates
//    there (post-norms of Gemma and EXAONE 4).
#include "backend/vulkan/instance.h"
#include "backend/vulkan/vulkan_backend_impl.h"
#include "sosoik/error.h"

#include <algorithm>

namespace sosoik::vk {

using model::Buf;
using model::Op;
using model::OpKind;

namespace {

[[noreturn]] void unsupported(const std::string& what) {
    throw Error(Error::Kind::Unsupported, "the Vulkan backend cannot run this model: " + what);
}

const char* matMulLabel(const Op& op, bool accumulate) {
    if (op.out == Buf::Qkv) return "qkv";
    if (op.out == Buf::GateUp) return "gate/up";
    if (op.out == Buf::Logits) return "output";
    if (op.in == Buf::Att) return accumulate ? "wo+residual" : "wo";
    if (op.in == Buf::Act) return accumulate ? "down+residual" : "down";
    return "matmul";
}

} // namespace

void VulkanBackend::validatePlan() const {
    const auto& ops = plan_.ops;
    for (size_t i = 0; i < ops.size(); ++i) {
        const Op& op = ops[i];
        const Op* next = i + 1 < ops.size() ? &ops[i + 1] : nullptr;
        switch (op.kind) {
        case OpKind::Embed:
            break;
        case OpKind::AddBias:
            if (op.out != Buf::Qkv || !next ||
                (next->kind != OpKind::Rope && next->kind != OpKind::Attention))
                unsupported("biases other than q|k|v biases before RoPE");
            break;
        case OpKind::Rope:
            if (!next || next->kind != OpKind::Attention) unsupported("RoPE not followed by attention");
            break;
        case OpKind::Add:
            if (i == 0 || (ops[i - 1].kind != OpKind::MatMul && ops[i - 1].kind != OpKind::RmsNorm) ||
                ops[i - 1].out != op.in || ops[i - 1].in == op.out)
                unsupported("an addition that does not follow a projection or a norm");
            break;
        case OpKind::Attention:
        case OpKind::Glu:
        case OpKind::SoftCap:
        case OpKind::RmsNorm:
        case OpKind::MatMul:
        case OpKind::HeadRmsNorm:
            break;
        }
    }
    const int headDim = plan_.hp.headDim;
    if (headDim <= 0 || headDim % 2 || headDim > 256)
        unsupported("head size " + std::to_string(headDim) + " (even sizes up to 256 are supported)");
}

BufRef VulkanBackend::scratchOf(Buf b) const {
    switch (b) {
    case Buf::X:
        return s_.x;
    case Buf::Norm:
        return s_.xn;
    case Buf::Qkv:
        return s_.qkv;
    case Buf::Att:
        return s_.att;
    case Buf::Proj:
        return s_.proj;
    case Buf::GateUp:
        return s_.gu;
    case Buf::Act:
        return s_.act;
    case Buf::Logits:
        break;
    }
    return {};
}

uint32_t VulkanBackend::strideOf(Buf b) const {
    switch (b) {
    case Buf::X:
    case Buf::Norm:
    case Buf::Proj:
        return s_.sx;
    case Buf::Qkv:
        return s_.sqkv;
    case Buf::Att:
        return s_.sq;
    case Buf::GateUp:
        return s_.sgu;
    case Buf::Act:
        return s_.sff;
    case Buf::Logits:
        break;
    }
    return static_cast<uint32_t>(hp_.nVocab);
}

void VulkanBackend::record(VkCommandBuffer cb, VulkanKvCache& cache, uint32_t n, bool decode, bool allLogits,
                           Output out) {
    const auto& hp = hp_;
    const auto& ops = plan_.ops;
    profiler_->begin(cb);
    auto barrier = [&](const char* name) {
        profiler_->mark(cb, name);
        computeBarrier(cb);
    };
    const BufRef step = stepBuf_.ref(kStepOffset);
    const BufRef logits = allLogits               ? allLogitsBuf_.ref()
                          : out == Output::Logits ? logitsBuf_.ref()
                                                  : select_->logits();
    const size_t end = out == Output::None ? plan_.outputBegin : ops.size();
    BufRef bias;
    const Op* rope = nullptr;
    size_t ropeIndex = 0;

    for (size_t i = 0; i < end; ++i) {
        const Op& op = ops[i];
        // The head runs only on the rows whose logits are wanted: the last one, or all.
        const bool head = i >= plan_.outputBegin;
        const uint32_t rows = head && !allLogits ? 1 : n;
        auto buf = [&](Buf b) {
            if (b == Buf::Logits) return logits;
            const BufRef r = scratchOf(b);
            return b == Buf::X && head ? r.at(uint64_t(n - rows) * s_.sx * 4) : r;
        };
        const Op* next = i + 1 < end ? &ops[i + 1] : nullptr;
        // A MatMul, accumulating into the buffer of an Add that follows it; returns the ops consumed.
        auto matMul = [&](size_t at, BufRef x, const MatvecInput& input) {
            const Op& mm = ops[at];
            const bool accumulate =
                at + 1 < end && ops[at + 1].kind == OpKind::Add && ops[at + 1].in == mm.out;
            const Buf target = accumulate ? ops[at + 1].out : mm.out;
            recordProjection(cb, model_.ops[at].proj, x, strideOf(mm.in), buf(target), strideOf(target), rows,
                             accumulate, input);
            // The logits read back by the host need no barrier but the final one.
            const bool final = (accumulate ? at + 2 : at + 1) == end && head;
            if (!final || out != Output::Logits) barrier(matMulLabel(mm, accumulate));
            return accumulate ? size_t(2) : size_t(1);
        };
        switch (op.kind) {
        case OpKind::Embed:
            for (const auto& part : model_.tokenEmbd)
                kernels_->embed(cb, part, step, s_.x, s_.sx, n);
            barrier("embed");
            if (op.scale != 1.f) {
                kernels_->scaleRows(cb, s_.x, s_.sx, uint32_t(hp.nEmbd), n, op.scale, false);
                barrier("embed scale");
            }
            break;
        case OpKind::RmsNorm: {
            const uint32_t cols = static_cast<uint32_t>(model::planBufferWidth(hp, op.in));
            if (fuse_ && rows == 1 && next && next->kind == OpKind::MatMul && next->in == op.out &&
                op.in != op.out) {
                MatvecInput in;
                in.mode = MatvecInput::RmsNorm;
                in.normWeight = model_.ops[i].vector;
                in.normCols = cols;
                in.eps = op.eps;
                i += matMul(i + 1, buf(op.in), in);
            } else if (next && next->kind == OpKind::Add && next->in == op.out) {
                kernels_->rmsnorm(cb, buf(op.in), strideOf(op.in), model_.ops[i].vector, buf(next->out),
                                  strideOf(next->out), cols, rows, op.eps, true);
                barrier("post-norm+residual");
                ++i;
            } else {
                kernels_->rmsnorm(cb, buf(op.in), strideOf(op.in), model_.ops[i].vector, buf(op.out),
                                  strideOf(op.out), cols, rows, op.eps);
                barrier("rmsnorm");
            }
            break;
        }
        case OpKind::MatMul:
            i += matMul(i, buf(op.in), {}) - 1;
            break;
        case OpKind::AddBias:
            bias = model_.ops[i].vector;
            break;
        case OpKind::HeadRmsNorm:
            kernels_->headRmsnorm(cb, s_.qkv, s_.sqkv, model_.ops[i].vector, model_.ops[i].vector2,
                                  uint32_t(hp.nHead), uint32_t(hp.nHeadKv), uint32_t(hp.headDim), rows,
                                  op.eps);
            barrier("q/k norm");
            break;
        case OpKind::Rope:
            rope = &op;
            ropeIndex = i;
            break;
        case OpKind::Attention: {
            const model::RopeSpec spec = rope ? rope->rope : model::RopeSpec{};
            RopeArgs ra{s_.qkv,
                        bias,
                        rope ? model_.ops[ropeIndex].vector : BufRef{},
                        s_.q,
                        cache.layerK(op.layer),
                        cache.layerV(op.layer),
                        step,
                        s_.sqkv,
                        s_.sq,
                        uint32_t(hp.nHead),
                        uint32_t(hp.nHeadKv),
                        uint32_t(hp.headDim),
                        uint32_t(cache.capacity()),
                        spec.freqBase,
                        spec.layout == model::RopeLayout::Neox,
                        spec.freqScale,
                        spec.attnFactor,
                        rope != nullptr};
            kernels_->ropeStoreKv(cb, ra, rows);
            barrier("rope+kv");
            bias = {}, rope = nullptr;
            AttentionArgs att{s_.q,
                              cache.layerK(op.layer),
                              cache.layerV(op.layer),
                              buf(op.out),
                              s_.partial,
                              step,
                              s_.sq,
                              strideOf(op.out),
                              uint32_t(hp.nHead),
                              uint32_t(hp.nHeadKv),
                              uint32_t(hp.headDim),
                              uint32_t(cache.capacity()),
                              op.attention.scale,
                              uint32_t(std::max(0, op.attention.window)),
                              op.attention.softCap};
            if (decode) {
                kernels_->attentionIndirect(cb, att, stepBuf_.buffer, 0);
                barrier("attention");
                kernels_->attentionCombineIndirect(cb, att, stepBuf_.buffer, 0);
            } else {
                kernels_->attention(cb, att, rows, 1);
            }
            barrier("attention");
            break;
        }
        case OpKind::Glu: {
            const uint32_t ff = static_cast<uint32_t>(hp.nFf);
            const bool silu = op.activation == model::Activation::Silu;
            if (silu && fuse_ && rows == 1 && ff % 8 == 0 && next && next->kind == OpKind::MatMul &&
                next->in == op.out) {
                MatvecInput swiglu;
                swiglu.mode = MatvecInput::SwiGlu;
                swiglu.upOffset = ff;
                i += matMul(i + 1, buf(op.in), swiglu);
            } else {
                kernels_->swiglu(cb, buf(op.in), strideOf(op.in), buf(op.out), strideOf(op.out), ff, rows,
                                 !silu);
                barrier(silu ? "swiglu" : "geglu");
            }
            break;
        }
        case OpKind::Add:
            break; // always consumed by the MatMul or RmsNorm before it (validatePlan)
        case OpKind::SoftCap: {
            const uint32_t cols = static_cast<uint32_t>(model::planBufferWidth(hp, op.out));
            kernels_->scaleRows(cb, buf(op.out), strideOf(op.out), cols, rows, op.scale, true);
            if (!(head && i + 1 == end && out == Output::Logits)) barrier("soft-cap");
            break;
        }
        }
    }
    if (out == Output::Argmax)
        select_->recordArgmax(cb);
    else if (out == Output::TopK)
        select_->recordTopK(cb);
    if (out == Output::Argmax || out == Output::TopK)
        profiler_->mark(cb, out == Output::Argmax ? "argmax" : "top-k");
    hostReadBarrier(cb);
    check(vkEndCommandBuffer(cb), "recording the forward pass");
}

} // namespace sosoik::vk
