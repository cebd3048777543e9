#pragma once
// Host side of every compute kernel: picks the pipeline variant and specialization constants
// from the device's limits and records one dispatch. Buffers are passed as BufRef (buffer +
// byte offset, 16-byte aligned for activations read as vec4); strides are in floats. Each function records
// exactly one op (no barriers: callers add computeBarrier between dependent ops), so kernels can be swapped
// or tuned one at a time.
#include "backend/vulkan/context.h"
#include "backend/vulkan/matmul_kernel.h"
#include "backend/vulkan/pipelines.h"
#include "backend/vulkan/weight_layout.h"

#include <cstdint>
#include <optional>

namespace sosoik::vk {

struct DeviceWeight {
    WeightLayout layout;
    BufRef quants;         // side data (32-weight block types) follows at quants + layout.quantBytes
    uint32_t rowBegin = 0; // first row of the whole matrix held by this part
};

// Byte layout of the per-step buffer (see Step in shaders/common.glsl), preceded by the
// indirect dispatch arguments of the attention kernels.
struct StepHeader {
    uint32_t attentionArgs[4]; // x, y, z, unused
    uint32_t combineArgs[4];
    uint32_t pos, n, nSplit, splitLen;
};
constexpr uint64_t kStepOffset = offsetof(StepHeader, pos); // where the shader's step words start

// How a matvec reads x: as is, RMS-normalised on the fly (a fused RMSNorm), or as
// silu(gate)·up from a gate|up row (a fused SwiGLU; the up half starts upOffset floats in).
struct MatvecInput {
    enum Mode : uint32_t { Plain = 0, RmsNorm = 1, SwiGlu = 2 } mode = Plain;
    BufRef normWeight; // RmsNorm: F32 weights, 16-byte aligned
    uint32_t normCols = 0;
    float eps = 0.f;
    uint32_t upOffset = 0; // SwiGlu: a multiple of 4
};

struct RopeArgs {
    BufRef qkv, bias, factors, qOut, kCache, vCache, step;
    uint32_t stride, qStride, nHead, nKv, headDim, capacity;
    float freqBase;
    bool neox;
    float freqScale = 1.f;  // linear RoPE scaling: positions × freqScale
    float attnFactor = 1.f; // rotated q and k × attnFactor (LongRoPE)
    bool rotate = true;     // false: q and k are stored as they are (NoPE layers)
};

struct AttentionArgs {
    BufRef q, kCache, vCache, out, partial, step;
    uint32_t qStride, oStride, nHead, nKv, headDim, capacity;
    float scale;
    uint32_t window = 0; // > 0: sliding window (the last `window` positions)
    float softCap = 0.f; // > 0: scores soft-capped with tanh
};

struct KernelOptions {
    // Auto: the tiled matmul on GPUs, matvec on CPU devices (faster there, see
    // docs/PERFORMANCE.md); SOSOIK_VK_MATMUL=tiled|matvec overrides Auto.
    BatchKernel batch = BatchKernel::Auto;
    std::optional<MatmulTiles> tiles; // default matmulTiles(caps); checked against the limits
    // Invocations per row for RMSNorm kernels (default: one subgroup on CPU devices, up to 256 on
    // GPUs); op tests set it to run the GPU shape on lavapipe too. Clamped to the device limit.
    std::optional<uint32_t> reduceWorkgroup;
    // Single-token matvecs in the wide layout (matvec_wide.glsl: each lane owns whole rows).
    // Default: on CPU devices only; SOSOIK_VK_WIDE=0|1 overrides the default, this overrides both.
    std::optional<bool> wide;
    // Top-k tile entries (a power of two, at least 2 × topkKeep()); default: what shared memory holds.
    std::optional<uint32_t> topkTile;
};

class Kernels {
public:
    explicit Kernels(Context& ctx, const KernelOptions& options = {});

    // y[t] (+)= W · x[t] for t < n; x rows hold W.layout.paddedCols floats (zero-padded).
    void matvec(VkCommandBuffer cb, const DeviceWeight& w, BufRef x, uint32_t xStride, BufRef y,
                uint32_t yStride, uint32_t n, bool accumulate, const MatvecInput& input = {});
    // y[t] = row step.tokens[t] of the table, for t < n (n also read from the step buffer);
    // a table part only fills the tokens among its rows.
    void embed(VkCommandBuffer cb, const DeviceWeight& table, BufRef step, BufRef y, uint32_t yStride,
               uint32_t n);
    // accumulate: y += the normalised row (a post-norm joining the residual).
    void rmsnorm(VkCommandBuffer cb, BufRef x, uint32_t xStride, BufRef weight, BufRef y, uint32_t yStride,
                 uint32_t cols, uint32_t n, float eps, bool accumulate = false);
    void ropeStoreKv(VkCommandBuffer cb, const RopeArgs& a, uint32_t n);
    // In place: RMSNorm over each of the first nHead + nKv heads of n qkv rows (Qwen3's q/k norm).
    void headRmsnorm(VkCommandBuffer cb, BufRef qkv, uint32_t stride, BufRef qWeight, BufRef kWeight,
                     uint32_t nHead, uint32_t nKv, uint32_t headDim, uint32_t n, float eps);
    // Direct dispatch over n tokens and nSplit splits (the step buffer must agree).
    void attention(VkCommandBuffer cb, const AttentionArgs& a, uint32_t n, uint32_t nSplit);
    // Dispatch sizes read from the step buffer's header (for a replayed token step).
    void attentionIndirect(VkCommandBuffer cb, const AttentionArgs& a, VkBuffer stepBuffer,
                           uint64_t stepBufferOffset);
    void attentionCombine(VkCommandBuffer cb, const AttentionArgs& a, uint32_t n);
    // Zero workgroups when the header's combineArgs say so (a single split needs no merge).
    void attentionCombineIndirect(VkCommandBuffer cb, const AttentionArgs& a, VkBuffer stepBuffer,
                                  uint64_t stepBufferOffset);
    // silu(gate)·up, or gelu_tanh(gate)·up (GeGLU) when gelu.
    void swiglu(VkCommandBuffer cb, BufRef gateUp, uint32_t guStride, BufRef y, uint32_t yStride,
                uint32_t nFf, uint32_t n, bool gelu = false);
    // In place over n rows of cols floats: x ×= value (scale.comp), or x = value·tanh(x / value)
    // when softCap (softcap.comp).
    void scaleRows(VkCommandBuffer cb, BufRef x, uint32_t stride, uint32_t cols, uint32_t n, float value,
                   bool softCap);
    // result = {index, float bits} of the largest of n floats.
    void argmax(VkCommandBuffer cb, BufRef logits, uint32_t n, BufRef result);

    // One top-k pass: sorts tiles of topkTile() inputs (raw float logits, or (key, id) pairs of an
    // earlier pass) and writes each tile's best topkKeep() as (key, id) pairs, tile after tile.
    void topkPass(VkCommandBuffer cb, BufRef in, uint32_t count, bool raw, BufRef out);
    uint32_t topkTile() const { return topkTile_; }
    static constexpr uint32_t topkKeep() { return 128; }
    // out[i] = logits[ids[1 + i]] for i < min(ids[0], maxCount), ids written by the host.
    void gatherLogits(VkCommandBuffer cb, BufRef logits, uint32_t vocab, BufRef ids, uint32_t maxCount,
                      BufRef out);

    uint32_t attentionWorkgroup() const { return attentionWg_; }
    // Whether matvec() runs n tokens with this input through the tiled matmul kernel.
    bool tiledBatches(uint32_t n, const MatvecInput& in) const {
        return tiled_ && n > 1 && in.mode == MatvecInput::Plain;
    }
    const MatmulTiles& tiles() const { return tiles_; }
    bool wide() const { return wideLaneRows_ > 0; }

private:
    const Kernel& typed(const char* op, const WeightLayout& l, std::vector<uint32_t> spec);
    const Kernel& get(const char* shader, uint32_t bindings, std::vector<uint32_t> spec);
    VkDescriptorSet set(std::vector<VkBuffer> buffers);
    void initMatmul(const KernelOptions& options); // matmul_kernel.cpp
    void matmul(VkCommandBuffer cb, const DeviceWeight& w, BufRef x, BufRef y, const MatvecPush& push);
    Context& ctx_;
    uint32_t subgroup_;
    uint32_t matvecSubgroups_;
    uint32_t elementwiseWg_;
    uint32_t reduceWg_;
    uint32_t attentionWg_ = 64;
    uint32_t argmaxWg_;
    uint32_t topkTile_ = 2048, topkWg_ = 256;
    bool tokenPerInvocation_ = false; // CPU devices: attention_rows.comp for prompt batches
    uint32_t tokenWg_ = 64;
    uint32_t decodeRows_ = 2, batchRows_ = 2, batchTokens_ = 8; // matvec rows per subgroup / tokens per pass
    uint32_t wideLaneRows_ = 0,
             wideSubgroups_ = 1; // wide layout: rows per lane (0: off), subgroups per workgroup
    bool tiled_ = false;         // prompt batches run matmul_<type>.comp
    MatmulTiles tiles_;
};

} // namespace sosoik::vk
