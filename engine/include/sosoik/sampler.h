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

// The few logits a sampling step needs instead of the whole vocabulary, so a GPU backend can
// pick them on the device and read back a few hundred bytes.
struct CandidateRequest {
    int topK = 0;                  // the topK largest logits of the last token; 0: all logits are needed
    std::vector<int32_t> extraIds; // and the logits of these tokens (the ones the repetition penalty changes)
};

struct Candidates {
    std::vector<int32_t> ids; // the largest logits, highest first (equal logits: lower id first)
    std::vector<float> logits;
    std::vector<int32_t> extraIds; // the requested extra ids inside the vocabulary, in request order
    std::vector<float> extraLogits;
};

// A request's candidates picked from full logits (backends without device selection).
Candidates selectCandidates(std::span<const float> logits, const CandidateRequest& request);

class Sampler {
public:
    explicit Sampler(const SamplerParams& params);
    // history: the tokens so far (the repetition penalty looks at the last repeatWindow of them).
    int32_t sample(std::span<const float> logits, std::span<const int32_t> history);

    // What sample(Candidates) needs to draw the next token after `history`; topK == 0 means the
    // full logits (top-k filtering is off, so every token can be drawn).
    CandidateRequest request(std::span<const int32_t> history) const;
    // The same token sample(logits, history) would return, from the candidates of request(history).
    int32_t sample(const Candidates& candidates, std::span<const int32_t> history);
    const SamplerParams& params() const { return params_; }

private:
    SamplerParams params_;
    std::mt19937_64 rng_;
};

int32_t argmax(std::span<const float> logits);

} // namespace sosoik
