#pragma once
// A compute backend runs the forward pass of a loaded model. Implementations:
// backend/reference (plain CPU, the oracle) and backend/vulkan.
#include "model/hparams.h"
#include "model/weights.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

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
    // logits receives vocab floats for the last token, or n × vocab when allLogits.
    // Checks *cancel between tokens/layers and throws Error(Cancelled) when set; the cache
    // is then valid for the positions that finished.
    virtual void forward(KvCache& cache, std::span<const int32_t> tokens, int pos, std::span<float> logits,
                         bool allLogits, const std::atomic<bool>* cancel) = 0;
    // The greedy (argmax) token of the last forward() without allLogits, when the backend picks
    // it on the device (Vulkan); -1 otherwise. With it, a greedy step may pass empty logits
    // (backends that support this skip copying the vocabulary back).
    virtual int32_t deviceArgmax() const { return -1; }
};

} // namespace sosoik::backend
