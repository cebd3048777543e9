#pragma once
// The Vulkan implementation of backend::Backend. A forward pass is one command buffer with
// one submit and one wait: the single-token step is recorded once per cache and replayed
// (position, token and attention split sizes come from a small host-visible step buffer),
// prompt batches are recorded per chunk size. Exposed here for tests and the benchmark.
#include "backend/backend.h"
#include "backend/vulkan/context.h"
#include "backend/vulkan/device_selection.h"
#include "backend/vulkan/device_weights.h"
#include "backend/vulkan/kernels.h"
#include "backend/vulkan/profiler.h"
#include "model/layer_plan.h"
#include "sosoik/model.h"

#include <memory>
#include <mutex>

namespace sosoik::vk {

class VulkanKvCache;

class VulkanBackend : public backend::Backend {
public:
    VulkanBackend(const model::HParams& hp, const model::Weights& w, const LoadOptions& options);
    ~VulkanBackend() override;

    std::string name() const override { return "vulkan: " + ctx_->caps().name; }
    std::unique_ptr<backend::KvCache> createCache(int contextLength) override;
    void forward(backend::KvCache& cache, std::span<const int32_t> tokens, int pos, std::span<float> logits,
                 bool allLogits, const std::atomic<bool>* cancel) override;
    // Greedy and top-k requests are answered on the GPU (DeviceSelection); others read the logits.
    Candidates forwardCandidates(backend::KvCache& cache, std::span<const int32_t> tokens, int pos,
                                 const CandidateRequest& request, int vocab,
                                 const std::atomic<bool>* cancel) override;
    const DeviceCaps& caps() const { return ctx_->caps(); }
    uint64_t weightBytes() const { return model_.bytes; }
    // Bytes of GPU memory a model needs with a cache of contextLength tokens (weights, KV cache, scratch).
    static uint64_t estimateBytes(const model::LayerPlan& plan, int contextLength, uint64_t maxBufferBytes);

private:
    friend class VulkanKvCache;

public:
    // What a recorded pass ends with (see below); public for VulkanKvCache.
    enum class Output { None, Logits, Argmax, TopK };
    static constexpr int kOutputs = 4;

private:
    struct Scratch {
        uint32_t sx, sqkv, sq, sgu, sff; // row strides (floats)
        BufRef x, xn, qkv, q, att, proj, gu, act, partial;
    };
    // A recorded pass ends with nothing (KV cache only), the logits in host-visible memory, or a pick
    // on the device (argmax, or top-k candidates).
    // Records the layer plan (record_plan.cpp); validatePlan() throws Unsupported for what it cannot run.
    void record(VkCommandBuffer cb, VulkanKvCache& cache, uint32_t n, bool decode, bool allLogits,
                Output out);
    void validatePlan() const;
    BufRef scratchOf(model::Buf b) const;
    uint32_t strideOf(model::Buf b) const;
    void run(VulkanKvCache& cache, std::span<const int32_t> tokens, int pos, std::span<float> logits,
             bool allLogits, Output out, const std::atomic<bool>* cancel);
    void recordProjection(VkCommandBuffer cb, const Projection& p, BufRef x, uint32_t xStride, BufRef y,
                          uint32_t yStride, uint32_t n, bool accumulate, const MatvecInput& input = {});
    void ensureAllLogits();

    model::HParams hp_;
    model::LayerPlan plan_;
    std::shared_ptr<Context> ctx_;
    std::unique_ptr<Kernels> kernels_;
    std::unique_ptr<Profiler> profiler_;
    std::vector<Buffer> arenas_;
    DeviceModel model_;
    Buffer scratchBuf_, stepBuf_, logitsBuf_, allLogitsBuf_;
    Scratch s_{};
    uint32_t chunk_ = 128;    // prompt tokens per submit
    uint32_t splitLen_ = 256; // cache positions per attention split when decoding
    uint32_t maxSplits_ = 1;
    // On GPUs single-token steps fold RMSNorm and SwiGLU into the next matvec (SOSOIK_VK_FUSE=0/1
    // overrides). Batches keep them separate: every subgroup would redo the norm/activation work.
    bool fuse_ = true;
    std::unique_ptr<DeviceSelection> select_;
    // Top-k candidates are picked on GPUs, where reading the vocabulary back costs a transfer; on CPU
    // devices the logits already sit in host memory and a host partial sort is ~25 ms/token cheaper
    // than an emulated sort network (measured on lavapipe). SOSOIK_VK_SELECT=device|host overrides.
    bool topKOnDevice_ = true;
    std::mutex mutex_;
};

// Per-session state: one K and one V buffer per layer (each within what a kernel can bind) and the
// recorded command buffers.
class VulkanKvCache : public backend::KvCache {
public:
    VulkanKvCache(VulkanBackend& backend, int capacity);
    ~VulkanKvCache() override { release(); }
    int capacity() const override { return capacity_; }
    BufRef layerK(int layer) const { return k[layer].ref(); }
    BufRef layerV(int layer) const { return v[layer].ref(); }

    std::vector<Buffer> k, v;
    // The single-token step per output kind, recorded on first use and replayed.
    VkCommandBuffer decodeCb[VulkanBackend::kOutputs] = {};
    VkCommandBuffer batchCb = VK_NULL_HANDLE; // the last recorded prompt chunk
    uint32_t batchN = 0;
    bool batchAll = false;
    VulkanBackend::Output batchOut = VulkanBackend::Output::None;

private:
    void release();
    VulkanBackend& backend_;
    int capacity_;
};

} // namespace sosoik::vk
