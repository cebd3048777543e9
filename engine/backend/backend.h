#pragma once
// A compute backend runs the forward pass of a loaded model. Implementations:
// backend/reference (plain CPU, the oracle) and backend/vulkan.
#include "model/hparams.h"
#include "model/weights.h"
#include "sosoik/sampler.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace sosoik::backend {

// Per-session state (the KV cache) owned by a backend.
class KvCache {
public:
    virtual ~KvCache() = default;
    virtual int capacity() const = 0;
};

class Backend {
public:
    virtual ~Backend() = default;
    virtual std::string name() const = 0; // "reference", "vulkan: <device name>"
    virtual std::unique_ptr<KvCache> createCache(int contextLength) = 0;
    // Evaluates tokens at positions [pos, pos + n) and writes their K/V into cache.
    // logits receives vocab floats for the last token, or n × vocab when allLogits; empty logits
    // mean only the KV cache is wanted (a non-final prompt chunk), so the output layer is skipped.
    // Checks *cancel between tokens/layers and throws Error(Cancelled) when set; the cache
    // is then valid for the positions that finished.
    virtual void forward(KvCache& cache, std::span<const int32_t> tokens, int pos, std::span<float> logits,
                         bool allLogits, const std::atomic<bool>* cancel) = 0;
    // forward() without allLogits that returns only what a sampler asked for (the top logits of the
    // last token and a few named ones). This default computes the full logits and picks on the CPU;
    // Vulkan picks on the GPU and reads back a few hundred bytes instead of the vocabulary.
    virtual Candidates forwardCandidates(KvCache& cache, std::span<const int32_t> tokens, int pos,
                                         const CandidateRequest& request, int vocab,
                                         const std::atomic<bool>* cancel) {
        std::vector<float> logits(static_cast<size_t>(vocab));
        forward(cache, tokens, pos, logits, false, cancel);
        return selectCandidates(logits, request);
    }
};

} // namespace sosoik::backend
