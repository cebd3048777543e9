#include "backend/vulkan/device_selection.h"

#include "sosoik/error.h"

#include <cstring>

namespace sosoik::vk {
namespace {

constexpr uint64_t kArgmaxBytes = 16;

uint32_t tiles(uint32_t count, uint32_t tile) {
    return (count + tile - 1) / tile;
}

float keyToFloat(uint32_t key) { // inverse of orderKey() in topk.comp
    const uint32_t bits = (key & 0x80000000u) ? key & 0x7FFFFFFFu : ~key;
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

} // namespace

DeviceSelection::DeviceSelection(Context& ctx, Kernels& kernels, uint32_t vocab)
    : ctx_(ctx), kernels_(kernels), vocab_(vocab) {
    const uint32_t keep = Kernels::topkKeep(), tile = kernels.topkTile();
    // The first pass leaves tiles(vocab) × keep pairs; later passes fewer. Two halves ping-pong.
    const uint64_t firstPairs = uint64_t(tiles(vocab, tile)) * keep;
    try {
        logits_ = ctx.createBuffer(uint64_t(vocab) * 4, MemoryKind::Device, "logits");
        pairs_ = ctx.createBuffer(2 * firstPairs * 8, MemoryKind::Device, "top-k selection");
        request_ = ctx.createBuffer(4ull * (1 + kMaxExtraIds), MemoryKind::Readback, "sampling request");
        result_ = ctx.createBuffer(kArgmaxBytes + 8ull * keep + 4ull * kMaxExtraIds, MemoryKind::Readback,
                                   "sampling candidates");
    } catch (...) {
        for (auto* b : {&logits_, &pairs_, &request_, &result_})
            ctx.destroy(*b);
        throw;
    }
}

DeviceSelection::~DeviceSelection() {
    for (auto* b : {&logits_, &pairs_, &request_, &result_})
        ctx_.destroy(*b);
}

bool DeviceSelection::supports(const CandidateRequest& r) const {
    return r.topK >= 1 && static_cast<uint32_t>(r.topK) <= Kernels::topkKeep() &&
           r.extraIds.size() <= kMaxExtraIds;
}

void DeviceSelection::recordArgmax(VkCommandBuffer cb) {
    kernels_.argmax(cb, logits_.ref(), vocab_, result_.ref());
}

void DeviceSelection::recordTopK(VkCommandBuffer cb) {
    const uint32_t keep = Kernels::topkKeep(), tile = kernels_.topkTile();
    const uint64_t half = pairs_.size / 2;
    const BufRef topk = result_.ref(kArgmaxBytes);
    kernels_.gatherLogits(cb, logits_.ref(), vocab_, request_.ref(), kMaxExtraIds,
                          result_.ref(kArgmaxBytes + 8ull * keep));
    BufRef in = logits_.ref();
    uint32_t count = vocab_;
    bool raw = true;
    for (int pass = 0;; ++pass) {
        const bool last = tiles(count, tile) == 1;
        const BufRef out = last ? topk : pairs_.ref(pass % 2 ? half : 0);
        kernels_.topkPass(cb, in, count, raw, out);
        if (last) break;
        computeBarrier(cb);
        in = out, count = tiles(count, tile) * keep, raw = false;
    }
}

void DeviceSelection::prepare(const CandidateRequest& r) {
    extraIds_.clear();
    for (int32_t id : r.extraIds)
        if (id >= 0 && static_cast<uint32_t>(id) < vocab_) extraIds_.push_back(static_cast<uint32_t>(id));
    const uint32_t count = static_cast<uint32_t>(extraIds_.size());
    std::memcpy(request_.mapped, &count, 4);
    if (count) std::memcpy(static_cast<char*>(request_.mapped) + 4, extraIds_.data(), 4ull * count);
}

Candidates DeviceSelection::argmaxResult() const {
    uint32_t words[2];
    std::memcpy(words, result_.mapped, sizeof words);
    if (words[0] >= vocab_) throw Error(Error::Kind::Device, "the GPU returned an invalid token");
    Candidates c;
    c.ids.push_back(static_cast<int32_t>(words[0]));
    float v;
    std::memcpy(&v, &words[1], 4);
    c.logits.push_back(v);
    return c;
}

Candidates DeviceSelection::topKResult(const CandidateRequest& r) const {
    const uint32_t keep = Kernels::topkKeep();
    const auto* base = static_cast<const char*>(result_.mapped);
    std::vector<uint32_t> pairs(2ull * keep);
    std::memcpy(pairs.data(), base + kArgmaxBytes, pairs.size() * 4);
    Candidates c;
    for (uint32_t i = 0; i < keep && c.ids.size() < static_cast<size_t>(r.topK); ++i) {
        if (pairs[2 * i + 1] >= vocab_) break; // padding: the vocabulary is smaller than topK
        c.ids.push_back(static_cast<int32_t>(pairs[2 * i + 1]));
        c.logits.push_back(keyToFloat(pairs[2 * i]));
    }
    if (c.ids.empty()) throw Error(Error::Kind::Device, "the GPU returned no candidates");
    c.extraLogits.resize(extraIds_.size());
    std::memcpy(c.extraLogits.data(), base + kArgmaxBytes + 8ull * keep, extraIds_.size() * 4);
    c.extraIds.assign(extraIds_.begin(), extraIds_.end());
    return c;
}

} // namespace sosoik::vk
