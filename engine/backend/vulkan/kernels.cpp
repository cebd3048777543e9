#include "backend/vulkan/kernels.h"

#include "sosoik/error.h"

#include <algorithm>
#include <string>

namespace sosoik::vk {
namespace {

// Push-constant blocks, field for field as declared in the shaders (std430: 8-byte pointers first).
struct MatvecPush {
    VkDeviceAddress w, ws, x, y;
    uint32_t rows, cols, rowWords, n, xStride, yStride, accumulate;
};
struct EmbedPush {
    VkDeviceAddress w, ws, y, step;
    uint32_t rows, cols, rowWords, yStride;
};
struct RmsNormPush {
    VkDeviceAddress x, w, y;
    uint32_t cols, xStride, yStride;
    float eps;
};
struct RopePush {
    VkDeviceAddress qkv, bias, factors, qOut, kCache, vCache, step;
    uint32_t stride, qStride, nHead, nKv, hd, capacity;
    float freqBase;
    uint32_t flags;
};
struct AttentionPush {
    VkDeviceAddress q, kCache, vCache, out, partial, step;
    uint32_t qStride, oStride, nHead, nKv, hd, capacity;
    float scale;
};
struct CombinePush {
    VkDeviceAddress partial, out, step;
    uint32_t oStride, nHead, hd;
};
struct SwigluPush {
    VkDeviceAddress gateUp, y;
    uint32_t nFf, guStride, yStride, n;
};
struct ArgmaxPush {
    VkDeviceAddress logits, result;
    uint32_t n;
};

uint32_t ceilDiv(uint64_t a, uint64_t b) {
    return static_cast<uint32_t>((a + b - 1) / b);
}

constexpr uint32_t kRowsPerSubgroup = 2;
constexpr uint32_t kBatchTokens = 8; // tokens sharing each decoded weight chunk in prompt batches

} // namespace

Kernels::Kernels(Context& ctx) : ctx_(ctx) {
    const auto& c = ctx.caps();
    subgroup_ = std::min(c.subgroupSize, 128u);
    // About 64 invocations per matvec workgroup: 2 subgroups on 32-wide GPUs, 1 on 64-wide
    // ones, 8 on lavapipe's 8-wide SIMD.
    matvecSubgroups_ = std::max(1u, 64u / subgroup_);
    const uint32_t maxWg = std::max(64u, c.maxWorkgroupInvocations);
    elementwiseWg_ = std::min(128u, maxWg);
    // The reduction keeps one value per subgroup in 64 shared slots.
    reduceWg_ = std::min({256u, maxWg, 64u * subgroup_});
    attentionWg_ = 64;
    argmaxWg_ = std::min(256u, maxWg);
}

const Kernel& Kernels::typed(const char* op, const WeightLayout& l, std::vector<uint32_t> spec) {
    return ctx_.pipelines().get(std::string(op) + "_" + kernelSuffix(l.type), spec);
}

void Kernels::matvec(VkCommandBuffer cb, const DeviceWeight& w, VkDeviceAddress x, uint32_t xStride,
                     VkDeviceAddress y, uint32_t yStride, uint32_t n, bool accumulate) {
    const uint32_t tokens = n == 1 ? 1 : kBatchTokens;
    const Kernel& k = typed("matvec", w.layout, {subgroup_ * matvecSubgroups_, kRowsPerSubgroup, tokens});
    MatvecPush push{w.quants,
                    w.scales ? w.scales : w.quants,
                    x,
                    y,
                    w.layout.rows,
                    w.layout.paddedCols,
                    w.layout.rowWords,
                    n,
                    xStride,
                    yStride,
                    accumulate ? 1u : 0u};
    dispatch(cb, k, push, ceilDiv(w.layout.rows, matvecSubgroups_ * kRowsPerSubgroup), ceilDiv(n, tokens));
}

void Kernels::embed(VkCommandBuffer cb, const DeviceWeight& table, VkDeviceAddress step, VkDeviceAddress y,
                    uint32_t yStride, uint32_t n) {
    const Kernel& k = typed("embed", table.layout, {elementwiseWg_});
    EmbedPush push{table.quants,
                   table.scales ? table.scales : table.quants,
                   y,
                   step,
                   table.layout.rows,
                   table.layout.paddedCols,
                   table.layout.rowWords,
                   yStride};
    dispatch(cb, k, push, ceilDiv(table.layout.paddedCols / 8, elementwiseWg_), n);
}

void Kernels::rmsnorm(VkCommandBuffer cb, VkDeviceAddress x, uint32_t xStride, VkDeviceAddress weight,
                      VkDeviceAddress y, uint32_t yStride, uint32_t cols, uint32_t n, float eps) {
    const Kernel& k = ctx_.pipelines().get("rmsnorm", {reduceWg_});
    dispatch(cb, k, RmsNormPush{x, weight, y, cols, xStride, yStride, eps}, n);
}

void Kernels::ropeStoreKv(VkCommandBuffer cb, const RopeArgs& a, uint32_t n) {
    if (a.headDim % 2 != 0) throw Error(Error::Kind::Unsupported, "RoPE needs an even head dimension");
    const Kernel& k = ctx_.pipelines().get("rope_store_kv", {elementwiseWg_});
    const uint32_t flags = (a.neox ? 1u : 0u) | (a.bias ? 2u : 0u) | (a.factors ? 4u : 0u);
    RopePush push{a.qkv,
                  a.bias ? a.bias : a.qkv,
                  a.factors ? a.factors : a.qkv,
                  a.qOut,
                  a.kCache,
                  a.vCache,
                  a.step,
                  a.stride,
                  a.qStride,
                  a.nHead,
                  a.nKv,
                  a.headDim,
                  a.capacity,
                  a.freqBase,
                  flags};
    const uint32_t words = (a.nHead + 2 * a.nKv) * a.headDim / 2;
    dispatch(cb, k, push, ceilDiv(words, elementwiseWg_), n);
}

static AttentionPush attentionPush(const AttentionArgs& a) {
    return {a.q,       a.kCache,   a.vCache,  a.out,   a.partial ? a.partial : a.out,
            a.step,    a.qStride,  a.oStride, a.nHead, a.nKv,
            a.headDim, a.capacity, a.scale};
}

void Kernels::attention(VkCommandBuffer cb, const AttentionArgs& a, uint32_t n, uint32_t nSplit) {
    if (a.headDim > 256 || a.headDim % 2) throw Error(Error::Kind::Unsupported, "head dimension above 256");
    const Kernel& k = ctx_.pipelines().get("attention", {attentionWg_});
    dispatch(cb, k, attentionPush(a), a.nHead, n, nSplit);
}

void Kernels::attentionIndirect(VkCommandBuffer cb, const AttentionArgs& a, VkBuffer stepBuffer,
                                uint64_t stepBufferOffset) {
    if (a.headDim > 256 || a.headDim % 2) throw Error(Error::Kind::Unsupported, "head dimension above 256");
    const Kernel& k = ctx_.pipelines().get("attention", {attentionWg_});
    const AttentionPush push = attentionPush(a);
    dispatchIndirect(cb, k, &push, sizeof push, stepBuffer,
                     stepBufferOffset + offsetof(StepHeader, attentionArgs));
}

void Kernels::attentionCombine(VkCommandBuffer cb, const AttentionArgs& a, uint32_t n) {
    const Kernel& k = ctx_.pipelines().get("attention_combine", {attentionWg_});
    dispatch(cb, k, CombinePush{a.partial, a.out, a.step, a.oStride, a.nHead, a.headDim}, a.nHead, n);
}

void Kernels::attentionCombineIndirect(VkCommandBuffer cb, const AttentionArgs& a, VkBuffer stepBuffer,
                                       uint64_t stepBufferOffset) {
    const Kernel& k = ctx_.pipelines().get("attention_combine", {attentionWg_});
    const CombinePush push{a.partial, a.out, a.step, a.oStride, a.nHead, a.headDim};
    dispatchIndirect(cb, k, &push, sizeof push, stepBuffer,
                     stepBufferOffset + offsetof(StepHeader, combineArgs));
}

void Kernels::swiglu(VkCommandBuffer cb, VkDeviceAddress gateUp, uint32_t guStride, VkDeviceAddress y,
                     uint32_t yStride, uint32_t nFf, uint32_t n) {
    const Kernel& k = ctx_.pipelines().get("swiglu", {elementwiseWg_});
    dispatch(cb, k, SwigluPush{gateUp, y, nFf, guStride, yStride, n}, ceilDiv(nFf, elementwiseWg_), n);
}

void Kernels::argmax(VkCommandBuffer cb, VkDeviceAddress logits, uint32_t n, VkDeviceAddress result) {
    const Kernel& k = ctx_.pipelines().get("argmax", {argmaxWg_});
    dispatch(cb, k, ArgmaxPush{logits, result, n}, 1);
}

} // namespace sosoik::vk
