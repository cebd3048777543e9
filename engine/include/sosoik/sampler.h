#pragma once
// Turning logits into the next token.
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace sosoik {

struct SamplerParams {
    float temperature = 0.8f;   // <= 0: greedy
    int topK = 40;              // <= 0: off
    float topP = 0.95f;         // >= 1: off
    float minP = 0.05f;         // <= 0: off
    float repeatPenalty = 1.1f; // 1: off
    int repeatWindow = 64;
    uint64_t seed = 0xC0FFEE;
};

class Sampler {
public:
    explicit Sampler(const SamplerParams& params);
    // history: the tokens so far (the repetition penalty looks at the last repeatWindow of them).
    int32_t sample(std::span<const float> logits, std::span<const int32_t> history);
    const SamplerParams& params() const { return params_; }

private:
    SamplerParams params_;
    std::mt19937_64 rng_;
};

int32_t argmax(std::span<const float> logits);

} // namespace sosoik
