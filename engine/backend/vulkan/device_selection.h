#pragma once
// Picks a sampling step's candidates on the device, so a token step reads back a few hundred
// bytes instead of the vocabulary: the greedy token (argmax.comp), or the top-k logits (a
// chain of topk.comp passes, each shrinking the field by tile / keep) plus the logits of the
// tokens a repetition penalty changes (gather_logits.comp).
#include "backend/vulkan/context.h"
#include "backend/vulkan/kernels.h"
#include "sosoik/sampler.h"

#include <cstdint>
#include <vector>

namespace sosoik::vk {

class DeviceSelection {
public:
    static constexpr uint32_t kMaxExtraIds = 256;

    DeviceSelection(Context& ctx, Kernels& kernels, uint32_t vocab);
    ~DeviceSelection();
    DeviceSelection(const DeviceSelection&) = delete;
    DeviceSelection& operator=(const DeviceSelection&) = delete;

    // Whether the device can answer the request (otherwise the caller reads the full logits).
    bool supports(const CandidateRequest& r) const;
    static bool isGreedy(const CandidateRequest& r) { return r.topK == 1 && r.extraIds.empty(); }
    // Device-local logits of one token, written by the output projection before a recorded pick.
    BufRef logits() const { return logits_.ref(); }
    Buffer& logitsBuffer() { return logits_; } // for op tests that upload logits directly

    // Record the pick after the logits are written (a compute barrier must separate them).
    void recordArgmax(VkCommandBuffer cb);
    void recordTopK(VkCommandBuffer cb);

    // Before the submit: the extra ids of the request (the recorded gather reads them).
    void prepare(const CandidateRequest& r);
    // After the wait: the result of the recorded pick for the prepared request.
    Candidates argmaxResult() const;
    Candidates topKResult(const CandidateRequest& r) const;

private:
    Context& ctx_;
    Kernels& kernels_;
    uint32_t vocab_;
    Buffer logits_;  // device-local
    Buffer pairs_;   // device-local ping-pong space for the intermediate passes
    Buffer request_; // host-visible: count, ids
    Buffer result_;  // host-visible: argmax (2 words) | top-k pairs | extra logits
    std::vector<uint32_t> extraIds_;
};

} // namespace sosoik::vk
