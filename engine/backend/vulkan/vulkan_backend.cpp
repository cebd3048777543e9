#include "backend/vulkan/vulkan_backend.h"

#include "backend/vulkan/instance.h"
#include "backend/vulkan/vulkan_backend_impl.h"
#include "sosoik/error.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace sosoik::vk {
namespace {

uint32_t pad8(uint64_t v) {
    return static_cast<uint32_t>((v + 7) & ~uint64_t(7));
}

std::string gib(uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f GiB", static_cast<double>(bytes) / double(1ull << 30));
    return buf;
}

uint64_t kvBytes(const model::HParams& hp, int contextLength) {
    return 2ull * hp.nLayer * hp.nHeadKv * uint64_t(contextLength) * hp.headDim * 2;
}

uint64_t scratchFloats(const model::HParams& hp, uint32_t chunk, uint32_t maxSplits) {
    const uint64_t q = pad8(uint64_t(hp.nHead) * hp.headDim), kv = uint64_t(hp.nHeadKv) * hp.headDim;
    const uint64_t perToken =
        3ull * pad8(hp.nEmbd) + pad8(q + 2 * kv) + 2 * q + pad8(2ull * hp.nFf) + pad8(hp.nFf);
    return perToken * chunk + uint64_t(hp.nHead) * maxSplits * (hp.headDim + 2) + 64;
}

} // namespace

VulkanKvCache::VulkanKvCache(VulkanBackend& backend, int capacity) : backend_(backend), capacity_(capacity) {
    const uint64_t bytes = uint64_t(backend_.hp_.nHeadKv) * capacity_ * backend_.hp_.headDim * 2;
    Context& ctx = *backend.ctx_;
    try {
        for (int l = 0; l < backend.hp_.nLayer; ++l) {
            k.push_back(ctx.createBuffer(bytes, MemoryKind::Device, "the KV cache"));
            v.push_back(ctx.createBuffer(bytes, MemoryKind::Device, "the KV cache"));
        }
    } catch (...) {
        release();
        throw;
    }
}

void VulkanKvCache::release() {
    Context& ctx = *backend_.ctx_;
    for (auto& cb : decodeCb)
        if (cb) ctx.freeCommandBuffer(std::exchange(cb, VK_NULL_HANDLE));
    if (batchCb) ctx.freeCommandBuffer(std::exchange(batchCb, VK_NULL_HANDLE));
    for (auto& b : k)
        ctx.destroy(b);
    for (auto& b : v)
        ctx.destroy(b);
}

uint64_t VulkanBackend::estimateBytes(const model::LayerPlan& plan, int contextLength,
                                      uint64_t maxBufferBytes) {
    const model::HParams& hp = plan.hp;
    const uint32_t maxSplits = std::max(1, (contextLength + 255) / 256);
    return deviceWeightBytes(plan, maxBufferBytes) + kvBytes(hp, contextLength) +
           scratchFloats(hp, 128, maxSplits) * 4 + uint64_t(hp.nVocab) * 4 +
           (64ull << 20) /* driver and pipeline overhead */;
}

VulkanBackend::VulkanBackend(const model::HParams& hp, const model::Weights& w, const LoadOptions& options)
    : hp_(hp), plan_(model::planFor(hp, w)) {
    validatePlan();
    ctx_ = Context::create(options.device, options.deviceName);
    const int defaultContext = std::min(hp.nCtxTrain > 0 ? hp.nCtxTrain : 4096, 4096);
    const uint64_t need = estimateBytes(plan_, defaultContext, ctx_->maxBindableBytes()),
                   free = ctx_->deviceLocalBytesFree();
    if (need > free)
        throw Error(Error::Kind::Device, "the model needs " + gib(need) + " of GPU memory, " + gib(free) +
                                             " free on " + ctx_->caps().name);
    kernels_ = std::make_unique<Kernels>(*ctx_);
    // Measured on lavapipe: fusing costs more CPU (per-subgroup norm/activation work) than the
    // dispatches it saves, so CPU devices run the separate kernels.
    fuse_ = ctx_->caps().type != VK_PHYSICAL_DEVICE_TYPE_CPU;
    if (const char* f = std::getenv("SOSOIK_VK_FUSE")) fuse_ = std::string(f) != "0";
    topKOnDevice_ = ctx_->caps().type != VK_PHYSICAL_DEVICE_TYPE_CPU;
    if (const char* v = std::getenv("SOSOIK_VK_SELECT")) topKOnDevice_ = std::string(v) != "host";
    profiler_ = std::make_unique<Profiler>(ctx_->device(), ctx_->caps().timestampPeriod);
    // Model::load reports 0.2 once the file is parsed and 1 when done; the upload fills the gap.
    std::function<void(float)> progress;
    if (options.progress) progress = [&](float f) { options.progress(0.2f + 0.79f * f); };
    model_ = uploadWeights(*ctx_, plan_, arenas_, progress);

    maxSplits_ = std::max<uint32_t>(1, (static_cast<uint32_t>(std::max(hp.nCtxTrain, 4096)) + splitLen_ - 1) /
                                           splitLen_);
    const uint64_t q = pad8(uint64_t(hp.nHead) * hp.headDim), kv = uint64_t(hp.nHeadKv) * hp.headDim;
    s_.sx = pad8(hp.nEmbd), s_.sqkv = pad8(q + 2 * kv), s_.sq = static_cast<uint32_t>(q);
    s_.sgu = pad8(2ull * hp.nFf), s_.sff = pad8(hp.nFf);
    scratchBuf_ =
        ctx_->createBuffer(scratchFloats(hp, chunk_, maxSplits_) * 4, MemoryKind::Device, "activations");
    uint64_t at = 0;
    auto take = [&](uint64_t floats) {
        const BufRef r = scratchBuf_.ref(at);
        at += (floats * 4 + 255) & ~uint64_t(255);
        return r;
    };
    s_.x = take(uint64_t(s_.sx) * chunk_), s_.xn = take(uint64_t(s_.sx) * chunk_);
    s_.qkv = take(uint64_t(s_.sqkv) * chunk_), s_.q = take(uint64_t(s_.sq) * chunk_);
    s_.att = take(uint64_t(s_.sq) * chunk_), s_.gu = take(uint64_t(s_.sgu) * chunk_);
    s_.act = take(uint64_t(s_.sff) * chunk_),
    s_.partial = take(uint64_t(hp.nHead) * maxSplits_ * (hp.headDim + 2));
    s_.proj = take(uint64_t(s_.sx) * chunk_);
    stepBuf_ =
        ctx_->createBuffer(sizeof(StepHeader) + 4ull * chunk_, MemoryKind::Readback, "step parameters");
    logitsBuf_ = ctx_->createBuffer(uint64_t(pad8(hp.nVocab)) * 4, MemoryKind::Readback, "logits");
    select_ = std::make_unique<DeviceSelection>(*ctx_, *kernels_, static_cast<uint32_t>(hp.nVocab));
    ctx_->pipelines().save();
}

VulkanBackend::~VulkanBackend() {
    profiler_.reset();
    select_.reset();
    for (auto& a : arenas_)
        ctx_->destroy(a);
    for (auto* b : {&scratchBuf_, &stepBuf_, &logitsBuf_, &allLogitsBuf_})
        ctx_->destroy(*b);
}

std::unique_ptr<backend::KvCache> VulkanBackend::createCache(int contextLength) {
    if (contextLength <= 0) throw Error(Error::Kind::InvalidArgument, "the context length must be positive");
    const uint64_t need = kvBytes(hp_, contextLength), free = ctx_->deviceLocalBytesFree();
    if (need > free)
        throw Error(Error::Kind::OutOfMemory, "a context of " + std::to_string(contextLength) +
                                                  " tokens needs " + gib(need) + " of GPU memory, " +
                                                  gib(free) + " free");
    return std::make_unique<VulkanKvCache>(*this, contextLength);
}

void VulkanBackend::ensureAllLogits() {
    if (allLogitsBuf_.buffer) return;
    allLogitsBuf_ = ctx_->createBuffer(uint64_t(hp_.nVocab) * chunk_ * 4, MemoryKind::Readback, "logits");
}

void VulkanBackend::recordProjection(VkCommandBuffer cb, const Projection& p, BufRef x, uint32_t xStride,
                                     BufRef y, uint32_t yStride, uint32_t n, bool accumulate,
                                     const MatvecInput& input) {
    for (size_t i = 0; i < p.parts.size(); ++i)
        kernels_->matvec(cb, p.parts[i], x, xStride, y.at(uint64_t(p.rowOffset[i]) * 4), yStride, n,
                         accumulate, input);
}

namespace {

VulkanKvCache& vulkanCache(backend::KvCache& cache) {
    auto* c = dynamic_cast<VulkanKvCache*>(&cache);
    if (!c) throw Error(Error::Kind::InvalidArgument, "a KV cache from another backend was passed to Vulkan");
    return *c;
}

} // namespace

void VulkanBackend::forward(backend::KvCache& cache, std::span<const int32_t> tokens, int pos,
                            std::span<float> logits, bool allLogits, const std::atomic<bool>* cancel) {
    std::lock_guard lock(mutex_);
    run(vulkanCache(cache), tokens, pos, logits, allLogits, logits.empty() ? Output::None : Output::Logits,
        cancel);
}

Candidates VulkanBackend::forwardCandidates(backend::KvCache& cache, std::span<const int32_t> tokens, int pos,
                                            const CandidateRequest& request, int vocab,
                                            const std::atomic<bool>* cancel) {
    const bool greedy = DeviceSelection::isGreedy(request);
    if (!select_->supports(request) || (!greedy && !topKOnDevice_))
        return Backend::forwardCandidates(cache, tokens, pos, request, vocab, cancel);
    std::lock_guard lock(mutex_);
    select_->prepare(request);
    run(vulkanCache(cache), tokens, pos, {}, false, greedy ? Output::Argmax : Output::TopK, cancel);
    return greedy ? select_->argmaxResult() : select_->topKResult(request);
}

void VulkanBackend::run(VulkanKvCache& c, std::span<const int32_t> tokens, int pos, std::span<float> logits,
                        bool allLogits, Output out, const std::atomic<bool>* cancel) {
    VulkanKvCache* cache = &c;
    const size_t n = tokens.size(), vocab = static_cast<size_t>(hp_.nVocab);
    if (n == 0) throw Error(Error::Kind::InvalidArgument, "no tokens to evaluate");
    if (pos < 0 || pos + n > static_cast<size_t>(cache->capacity()))
        throw Error(Error::Kind::InvalidArgument,
                    "the context is full (" + std::to_string(cache->capacity()) + " tokens)");
    for (int32_t t : tokens)
        if (t < 0 || static_cast<size_t>(t) >= vocab)
            throw Error(Error::Kind::InvalidArgument,
                        "token id " + std::to_string(t) + " is outside the vocabulary");
    if (out == Output::Logits && logits.size() < (allLogits ? n * vocab : vocab))
        throw Error(Error::Kind::InvalidArgument, "the logits buffer is too small");
    if (allLogits) ensureAllLogits();

    for (size_t start = 0; start < n; start += chunk_) {
        if (cancel && cancel->load()) throw Error(Error::Kind::Cancelled, "cancelled");
        const uint32_t m = static_cast<uint32_t>(std::min<size_t>(chunk_, n - start));
        // Only the last chunk produces the requested output (every chunk, for all logits); earlier
        // ones just fill the KV cache.
        const Output chunkOut = allLogits || start + m == n ? out : Output::None;
        const bool decode = m == 1 && !allLogits;
        StepHeader h{};
        h.pos = static_cast<uint32_t>(pos + start);
        h.n = m;
        if (decode) {
            // Beyond the split count the scratch was sized for, splits simply grow longer.
            const uint32_t kvLen = h.pos + 1;
            h.nSplit = std::min(maxSplits_, (kvLen + splitLen_ - 1) / splitLen_);
            h.splitLen = (kvLen + h.nSplit - 1) / h.nSplit;
            h.attentionArgs[0] = hp_.nHead, h.attentionArgs[1] = 1, h.attentionArgs[2] = h.nSplit;
            if (h.nSplit > 1) h.combineArgs[0] = hp_.nHead, h.combineArgs[1] = 1, h.combineArgs[2] = 1;
        } else {
            h.nSplit = 1, h.splitLen = h.pos + m;
        }
        std::memcpy(stepBuf_.mapped, &h, sizeof h);
        std::memcpy(static_cast<char*>(stepBuf_.mapped) + sizeof h, tokens.data() + start, 4ull * m);

        VkCommandBuffer cb;
        if (decode) {
            VkCommandBuffer& recorded = cache->decodeCb[static_cast<int>(chunkOut)];
            if (!recorded) {
                recorded = ctx_->allocateCommandBuffer();
                record(recorded, *cache, 1, true, false, chunkOut);
            }
            cb = recorded;
        } else {
            if (!cache->batchCb || cache->batchN != m || cache->batchAll != allLogits ||
                cache->batchOut != chunkOut) {
                if (cache->batchCb) ctx_->freeCommandBuffer(cache->batchCb);
                cache->batchCb = VK_NULL_HANDLE;
                cache->batchCb = ctx_->allocateCommandBuffer();
                record(cache->batchCb, *cache, m, false, allLogits, chunkOut);
                cache->batchN = m, cache->batchAll = allLogits, cache->batchOut = chunkOut;
            }
            cb = cache->batchCb;
        }
        ctx_->submitAndWait(cb);
        profiler_->collect(cb);

        if (allLogits && !logits.empty())
            std::memcpy(logits.data() + start * vocab, allLogitsBuf_.mapped, uint64_t(m) * vocab * 4);
        else if (chunkOut == Output::Logits)
            std::memcpy(logits.data(), logitsBuf_.mapped, vocab * 4);
    }
}

} // namespace sosoik::vk

namespace sosoik::backend {

std::unique_ptr<Backend> createVulkanBackend(const model::HParams& hparams, const model::Weights& weights,
                                             const LoadOptions& options) {
    return std::make_unique<vk::VulkanBackend>(hparams, weights, options);
}

} // namespace sosoik::backend
