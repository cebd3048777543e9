#include "backend/vulkan/kernels.h"

#include "sosoik/error.h"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace sosoik::vk {
namespace {

// Push-constant blocks, field for field as declared in the shaders (offsets in elements;
// MatvecPush is in matmul_kernel.h).
struct EmbedPush {
    uint32_t wOff, sOff, stepOff, yOff, rowBegin, rows, cols, rowWords, yStride;
};
struct RmsNormPush {
    uint32_t xOff, wOff, yOff, cols, xStride, yStride;
    float eps;
    uint32_t accumulate;
};
struct HeadNormPush {
    uint32_t xOff, qwOff, kwOff, stride, nHead, hd;
    float eps;
};
struct RopePush {
    uint32_t qkvOff, biasOff, factorsOff, qOutOff, kOff, vOff, stepOff;
    uint32_t stride, qStride, nHead, nKv, hd, capacity;
    float freqBase;
    uint32_t flags;
    float freqScale, attnFactor;
};
struct AttentionPush {
    uint32_t qOff, kOff, vOff, oOff, partialOff, stepOff;
    uint32_t qStride, oStride, nHead, nKv, hd, capacity;
    float scale;
    uint32_t window;
    float softCap;
};
struct CombinePush {
    uint32_t partialOff, oOff, stepOff, oStride, nHead, hd;
};
struct SwigluPush {
    uint32_t guOff, yOff, nFf, guStride, yStride, n;
};
struct RowsPush { // scale.comp, softcap.comp
    uint32_t xOff, stride, cols, n;
    float value;
};
struct ArgmaxPush {
    uint32_t logitsOff, resultOff, n;
};
struct TopkPush {
    uint32_t inOff, outOff, count, raw;
};
struct GatherPush {
    uint32_t logitsOff, idsOff, outOff, vocab, maxCount;
};

// Element offset of a BufRef for a binding of elementBytes-sized elements.
uint32_t elems(const BufRef& r, uint64_t elementBytes = 4) {
    if (r.offset % elementBytes != 0 || r.offset / elementBytes > UINT32_MAX)
        throw Error(Error::Kind::Device, "internal error: misaligned buffer offset");
    return static_cast<uint32_t>(r.offset / elementBytes);
}

uint32_t envKnob(const char* name, uint32_t fallback, uint32_t lo, uint32_t hi) {
    const char* v = std::getenv(name);
    if (!v || !*v) return fallback;
    const long n = std::strtol(v, nullptr, 10);
    return n >= long(lo) && n <= long(hi) ? static_cast<uint32_t>(n) : fallback;
}

uint32_t ceilDiv(uint64_t a, uint64_t b) {
    return static_cast<uint32_t>((a + b - 1) / b);
}

constexpr uint32_t kRowsPerSubgroup = 2;
constexpr uint32_t kBatchTokens = 8; // tokens sharing each decoded weight chunk in prompt batches

} // namespace

Kernels::Kernels(Context& ctx, const KernelOptions& options) : ctx_(ctx) {
    const auto& c = ctx.caps();
    subgroup_ = std::min(c.subgroupSize, 128u);
    // About 64 invocations per matvec workgroup: 2 subgroups on 32-wide GPUs, 1 on 64-wide
    // ones, 8 on lavapipe's 8-wide SIMD.
    matvecSubgroups_ = std::max(1u, 64u / subgroup_);
    const uint32_t maxWg = std::max(64u, c.maxWorkgroupInvocations);
    elementwiseWg_ = std::min(128u, maxWg);
    // The reduction keeps one value per subgroup in 64 shared slots. CPU devices run a subgroup as
    // one SIMD register and every barrier as a coroutine switch, so one subgroup per row is faster
    // there (measured on lavapipe, stories15M F16: pp128 254 -> 275 t/s, tg32 31.5 -> 35.3 t/s).
    reduceWg_ = c.type == VK_PHYSICAL_DEVICE_TYPE_CPU ? subgroup_ : std::min({256u, maxWg, 64u * subgroup_});
    if (options.reduceWorkgroup)
        reduceWg_ =
            std::clamp(*options.reduceWorkgroup, subgroup_, std::min({1024u, maxWg, 64u * subgroup_}));
    attentionWg_ = 64;
    argmaxWg_ = std::min(256u, maxWg);
    // Top-k tiles: as many (key, id) pairs as fit in shared memory (16 KiB, the Vulkan minimum,
    // holds 2048), at most 4096 so a workgroup's sort stays short.
    topkTile_ = 4096;
    while (topkTile_ > 2 * topkKeep() && topkTile_ * 8 > c.sharedMemoryBytes)
        topkTile_ /= 2;
    if (options.topkTile) {
        const uint32_t t = *options.topkTile;
        if (t < 2 * topkKeep() || (t & (t - 1)) || t > topkTile_)
            throw Error(Error::Kind::InvalidArgument, "invalid top-k tile size " + std::to_string(t));
        topkTile_ = t;
    }
    topkWg_ = std::min({256u, maxWg, topkTile_ / 2});
    // CPU implementations (lavapipe) run a subgroup as one SIMD register: for prompt
    // attention, one query per lane sharing every key/value load beats a workgroup per query
    // with barrier-heavy reductions. (Measured: the same idea loses for matrix products.)
    tokenPerInvocation_ = c.type == VK_PHYSICAL_DEVICE_TYPE_CPU;
    if (const char* v = std::getenv("SOSOIK_VK_ATTENTION")) tokenPerInvocation_ = std::string(v) == "rows";
    tokenWg_ = std::min(64u, maxWg);
    // On CPUs every per-lane load is scalarised, so each lane should reuse its slice of the
    // activations for many rows; GPUs prefer more workgroups in flight.
    const bool cpu = c.type == VK_PHYSICAL_DEVICE_TYPE_CPU;
    decodeRows_ = cpu ? 8 : kRowsPerSubgroup;
    // Prompt batches: each lane's activation slice (16 tokens × 8 floats, gathered per lane)
    // is the costly load, so it is reused for 32 rows. Measured on lavapipe (pp128 CPU time):
    // 8 → 16 → 32 rows gave 185 → 208 → 216 t/s (stories15M F16), 200 → 240 at 32 (Q4_0); 64 rows
    // or 32 tokens per pass spill and lose; a tiled shared-memory matmul lost too (shared loads
    // are per-lane gathers there, so they cost as much as the global ones they replace).
    batchRows_ = cpu ? 32 : kRowsPerSubgroup;
    batchTokens_ = cpu ? 16 : kBatchTokens;
    // Single-token steps on CPU devices: each lane owns 16 whole rows (128 rows per 8-wide subgroup),
    // one subgroup per workgroup; see matvec_wide.glsl. Each lane's x (broadcast once per 32 weights) is
    // shared by more rows: 8 -> 16 rows per lane ran stories110M tg16 Q4_K 6.25 -> 6.76, Q2_K 8.49 -> 9.59
    // tokens per CPU-second (lavapipe, interleaved, two rounds).
    bool wide = cpu;
    if (const char* v = std::getenv("SOSOIK_VK_WIDE"); v && *v) wide = std::string(v) != "0";
    if (options.wide) wide = *options.wide;
    wide = wide && subgroup_ >= 8; // wideInput spreads a block's 8 vec4s of x over 8 lanes
    wideLaneRows_ = wide ? envKnob("SOSOIK_VK_WIDE_ROWS", 16, 1, 16) : 0;
    wideSubgroups_ = envKnob("SOSOIK_VK_WIDE_SUBGROUPS", 1, 1, maxWg / subgroup_);
    // Tuning knobs for experiments (docs/PERFORMANCE.md); out-of-range values are ignored.
    decodeRows_ = envKnob("SOSOIK_VK_DECODE_ROWS", decodeRows_, 1, 32);
    batchRows_ = envKnob("SOSOIK_VK_BATCH_ROWS", batchRows_, 1, 64);
    batchTokens_ = envKnob("SOSOIK_VK_BATCH_TOKENS", batchTokens_, 1, 64);
    matvecSubgroups_ = envKnob("SOSOIK_VK_MATVEC_SUBGROUPS", matvecSubgroups_, 1, maxWg / subgroup_);
    initMatmul(options);
}

const Kernel& Kernels::typed(const char* op, const WeightLayout& l, std::vector<uint32_t> spec) {
    return ctx_.pipelines().get(std::string(op) + "_" + kernelSuffix(l.type), 3, spec);
}

const Kernel& Kernels::get(const char* shader, uint32_t bindings, std::vector<uint32_t> spec) {
    return ctx_.pipelines().get(shader, bindings, spec);
}

VkDescriptorSet Kernels::set(std::vector<VkBuffer> buffers) {
    return ctx_.pipelines().descriptorSet(buffers);
}

void Kernels::matvec(VkCommandBuffer cb, const DeviceWeight& w, BufRef x, uint32_t xStride, BufRef y,
                     uint32_t yStride, uint32_t n, bool accumulate, const MatvecInput& in) {
    if (in.mode == MatvecInput::SwiGlu && in.upOffset % 4 != 0)
        throw Error(Error::Kind::Device, "internal error: misaligned fused SwiGLU input");
    const BufRef norm = in.mode == MatvecInput::RmsNorm ? in.normWeight : x;
    // Decoders load 8 or 16 bytes at a time (weights_binding.glsl): matrices start 16-byte aligned.
    const MatvecPush push{elems(w.quants, 16) * 4,
                          elems(w.quants.at(w.layout.quantBytes)),
                          elems(x, 16),
                          elems(y),
                          w.layout.rows,
                          w.layout.paddedCols,
                          w.layout.rowWords,
                          n,
                          xStride,
                          yStride,
                          accumulate ? 1u : 0u,
                          in.mode == MatvecInput::RmsNorm ? elems(norm, 16) : 0u,
                          in.normCols,
                          in.eps,
                          in.upOffset / 4};
    if (tiledBatches(n, in)) return matmul(cb, w, x, y, push);
    if (n == 1 && wideLaneRows_ > 0) {
        const Kernel& k = ctx_.pipelines().get(
            std::string("matvec_") + kernelSuffix(w.layout.type), 4,
            {subgroup_ * wideSubgroups_, decodeRows_, 1, uint32_t(in.mode), wideLaneRows_});
        dispatch(cb, k, set({w.quants.buffer, x.buffer, y.buffer, norm.buffer}), &push, sizeof push,
                 ceilDiv(w.layout.rows, wideSubgroups_ * subgroup_ * wideLaneRows_), 1);
        return;
    }
    const uint32_t tokens = n == 1 ? 1 : batchTokens_;
    const uint32_t rows = n == 1 ? decodeRows_ : batchRows_;
    const Kernel& k = ctx_.pipelines().get(std::string("matvec_") + kernelSuffix(w.layout.type), 4,
                                           {subgroup_ * matvecSubgroups_, rows, tokens, uint32_t(in.mode)});
    dispatch(cb, k, set({w.quants.buffer, x.buffer, y.buffer, norm.buffer}), &push, sizeof push,
             ceilDiv(w.layout.rows, matvecSubgroups_ * rows), ceilDiv(n, tokens));
}

void Kernels::embed(VkCommandBuffer cb, const DeviceWeight& table, BufRef step, BufRef y, uint32_t yStride,
                    uint32_t n) {
    const Kernel& k =
        ctx_.pipelines().get(std::string("embed_") + kernelSuffix(table.layout.type), 3, {elementwiseWg_});
    const EmbedPush push{elems(table.quants, 16) * 4,
                         elems(table.quants.at(table.layout.quantBytes)),
                         elems(step),
                         elems(y),
                         table.rowBegin,
                         table.layout.rows,
                         table.layout.paddedCols,
                         table.layout.rowWords,
                         yStride};
    dispatch(cb, k, set({table.quants.buffer, step.buffer, y.buffer}), &push, sizeof push,
             ceilDiv(table.layout.paddedCols / 8, elementwiseWg_), n);
}

void Kernels::rmsnorm(VkCommandBuffer cb, BufRef x, uint32_t xStride, BufRef weight, BufRef y,
                      uint32_t yStride, uint32_t cols, uint32_t n, float eps, bool accumulate) {
    const Kernel& k = get("rmsnorm", 3, {reduceWg_});
    const RmsNormPush push{elems(x), elems(weight), elems(y), cols,
                           xStride,  yStride,       eps,      accumulate ? 1u : 0u};
    dispatch(cb, k, set({x.buffer, weight.buffer, y.buffer}), &push, sizeof push, n);
}

void Kernels::headRmsnorm(VkCommandBuffer cb, BufRef qkv, uint32_t stride, BufRef qWeight, BufRef kWeight,
                          uint32_t nHead, uint32_t nKv, uint32_t headDim, uint32_t n, float eps) {
    const Kernel& k = get("head_rmsnorm", 3, {reduceWg_});
    const HeadNormPush push{elems(qkv), elems(qWeight), elems(kWeight), stride, nHead, headDim, eps};
    dispatch(cb, k, set({qkv.buffer, qWeight.buffer, kWeight.buffer}), &push, sizeof push, nHead + nKv, n);
}

void Kernels::ropeStoreKv(VkCommandBuffer cb, const RopeArgs& a, uint32_t n) {
    if (a.headDim % 2 != 0) throw Error(Error::Kind::Unsupported, "RoPE needs an even head dimension");
    const Kernel& k = get("rope_store_kv", 7, {elementwiseWg_});
    const uint32_t flags =
        (a.neox ? 1u : 0u) | (a.bias ? 2u : 0u) | (a.factors ? 4u : 0u) | (a.rotate ? 0u : 8u);
    const BufRef bias = a.bias ? a.bias : a.qkv, factors = a.factors ? a.factors : a.qkv;
    const RopePush push{elems(a.qkv),    elems(bias),   elems(factors), elems(a.qOut), elems(a.kCache),
                        elems(a.vCache), elems(a.step), a.stride,       a.qStride,     a.nHead,
                        a.nKv,           a.headDim,     a.capacity,     a.freqBase,    flags,
                        a.freqScale,     a.attnFactor};
    const uint32_t words = (a.nHead + 2 * a.nKv) * a.headDim / 2;
    dispatch(cb, k,
             set({a.qkv.buffer, bias.buffer, factors.buffer, a.qOut.buffer, a.kCache.buffer, a.vCache.buffer,
                  a.step.buffer}),
             &push, sizeof push, ceilDiv(words, elementwiseWg_), n);
}

static AttentionPush attentionPush(const AttentionArgs& a) {
    return {
        elems(a.q),    elems(a.kCache), elems(a.vCache), elems(a.out), elems(a.partial ? a.partial : a.out),
        elems(a.step), a.qStride,       a.oStride,       a.nHead,      a.nKv,
        a.headDim,     a.capacity,      a.scale,         a.window,     a.softCap};
}

static std::vector<VkBuffer> attentionBuffers(const AttentionArgs& a) {
    return {
        a.q.buffer,   a.kCache.buffer, a.vCache.buffer, a.out.buffer, (a.partial ? a.partial : a.out).buffer,
        a.step.buffer};
}

void Kernels::attention(VkCommandBuffer cb, const AttentionArgs& a, uint32_t n, uint32_t nSplit) {
    if (a.headDim > 256 || a.headDim % 2) throw Error(Error::Kind::Unsupported, "head dimension above 256");
    if (tokenPerInvocation_ && nSplit == 1 && n > 1) {
        const Kernel& k = get("attention_rows", 6, {tokenWg_});
        const AttentionPush push = attentionPush(a);
        dispatch(cb, k, set(attentionBuffers(a)), &push, sizeof push, ceilDiv(n, tokenWg_), a.nHead);
        return;
    }
    const Kernel& k = get("attention", 6, {attentionWg_});
    const AttentionPush push = attentionPush(a);
    dispatch(cb, k, set(attentionBuffers(a)), &push, sizeof push, a.nHead, n, nSplit);
}

void Kernels::attentionIndirect(VkCommandBuffer cb, const AttentionArgs& a, VkBuffer stepBuffer,
                                uint64_t stepBufferOffset) {
    if (a.headDim > 256 || a.headDim % 2) throw Error(Error::Kind::Unsupported, "head dimension above 256");
    const Kernel& k = get("attention", 6, {attentionWg_});
    const AttentionPush push = attentionPush(a);
    dispatchIndirect(cb, k, set(attentionBuffers(a)), &push, sizeof push, stepBuffer,
                     stepBufferOffset + offsetof(StepHeader, attentionArgs));
}

void Kernels::attentionCombine(VkCommandBuffer cb, const AttentionArgs& a, uint32_t n) {
    const Kernel& k = get("attention_combine", 3, {attentionWg_});
    const CombinePush push{elems(a.partial), elems(a.out), elems(a.step), a.oStride, a.nHead, a.headDim};
    dispatch(cb, k, set({a.partial.buffer, a.out.buffer, a.step.buffer}), &push, sizeof push, a.nHead, n);
}

void Kernels::attentionCombineIndirect(VkCommandBuffer cb, const AttentionArgs& a, VkBuffer stepBuffer,
                                       uint64_t stepBufferOffset) {
    const Kernel& k = get("attention_combine", 3, {attentionWg_});
    const CombinePush push{elems(a.partial), elems(a.out), elems(a.step), a.oStride, a.nHead, a.headDim};
    dispatchIndirect(cb, k, set({a.partial.buffer, a.out.buffer, a.step.buffer}), &push, sizeof push,
                     stepBuffer, stepBufferOffset + offsetof(StepHeader, combineArgs));
}

void Kernels::swiglu(VkCommandBuffer cb, BufRef gateUp, uint32_t guStride, BufRef y, uint32_t yStride,
                     uint32_t nFf, uint32_t n, bool gelu) {
    const Kernel& k = get(gelu ? "geglu" : "swiglu", 2, {elementwiseWg_});
    const SwigluPush push{elems(gateUp), elems(y), nFf, guStride, yStride, n};
    dispatch(cb, k, set({gateUp.buffer, y.buffer}), &push, sizeof push, ceilDiv(nFf, elementwiseWg_), n);
}

void Kernels::scaleRows(VkCommandBuffer cb, BufRef x, uint32_t stride, uint32_t cols, uint32_t n,
                        float factor, bool softCap) {
    const Kernel& k = get(softCap ? "softcap" : "scale", 1, {elementwiseWg_});
    const RowsPush push{elems(x), stride, cols, n, factor};
    dispatch(cb, k, set({x.buffer}), &push, sizeof push, ceilDiv(cols, elementwiseWg_), n);
}

void Kernels::argmax(VkCommandBuffer cb, BufRef logits, uint32_t n, BufRef result) {
    const Kernel& k = get("argmax", 2, {argmaxWg_});
    const ArgmaxPush push{elems(logits), elems(result), n};
    dispatch(cb, k, set({logits.buffer, result.buffer}), &push, sizeof push, 1);
}

void Kernels::topkPass(VkCommandBuffer cb, BufRef in, uint32_t count, bool raw, BufRef out) {
    const Kernel& k = get("topk", 2, {topkWg_, topkTile_, topkKeep()});
    const TopkPush push{elems(in), elems(out), count, raw ? 1u : 0u};
    dispatch(cb, k, set({in.buffer, out.buffer}), &push, sizeof push, ceilDiv(count, topkTile_));
}

void Kernels::gatherLogits(VkCommandBuffer cb, BufRef logits, uint32_t vocab, BufRef ids, uint32_t maxCount,
                           BufRef out) {
    const Kernel& k = get("gather_logits", 3, {64});
    const GatherPush push{elems(logits), elems(ids), elems(out), vocab, maxCount};
    dispatch(cb, k, set({logits.buffer, ids.buffer, out.buffer}), &push, sizeof push, 1);
}

} // namespace sosoik::vk
