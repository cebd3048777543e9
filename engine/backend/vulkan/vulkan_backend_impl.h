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
    static uint64_t estimateBytes(const model::HParams& hp, const model::Weights& w, int contextLength,
                                  uint64_t maxBufferBytes);

private:
    friend class VulkanKvCache;
    struct Scratch {
        uint32_t sx, sqkv, sq, sgu, sff; // row strides (floats)
        BufRef x, xn, qkv, q, att, gu, act, partial;
    };
    // What a recorded pass ends with: nothing (KV cache only), the logits in host-visible memory,
    // or a pick on the device (argmax, or top-k candidates).
    enum class Output { None, Logits, Argmax, TopK };
    static constexpr int kOutputs = 4;
    void record(VkCommandBuffer cb, VulkanKvCache& cache, uint32_t n, bool decode, bool allLogits,
                Output out);
    void run(VulkanKvCache& cache, std::span<const int32_t> tokens, int pos, std::span<float> logits,
             bool allLogits, Output out, const std::atomic<bool>* cancel);
    void recordProjection(VkCommandBuffer cb, const Projection& p, BufRef x, uint32_t xStride, BufRef y,
                          uint32_t yStride, uint32_t n, bool accumulate, const MatvecInput& input = {});
    void ensureAllLogits();
    // RMSNorm(x) · W: one fused matvec, or rmsnorm + matvec; then a barrier when labelled.
    void normThenProject(VkCommandBuffer cb, BufRef norm, BufRef x, const Projection& p, BufRef y,
                         uint32_t yStride, uint32_t n, const char* label);

    model::HParams hp_;
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

} // namespace sosoik::vk
