#pragma once
// A Session is one conversation's state on a loaded model: its KV cache.
#include "sosoik/sampler.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace sosoik {

class Model;

class Session {
public:
    virtual ~Session() = default;
    // contextLength <= 0 uses min(model's trained context, 4096).
    static std::unique_ptr<Session> create(Model& model, int contextLength = 0);

    // Appends tokens at position() and evaluates them (batched). Returns the logits of the
    // last token (vocab floats), or of every token when allLogits is set (n × vocab, row-major).
    // Throws Error(Cancelled) if cancel() was called; the cache then holds the tokens decoded so far.
    virtual std::vector<float> decode(std::span<const int32_t> tokens, bool allLogits = false) = 0;

    // decode() for a sampling step: returns only the candidates a Sampler asked for (see
    // Sampler::request), picked where the logits were computed. request.topK must be > 0.
    virtual Candidates decodeCandidates(std::span<const int32_t> tokens, const CandidateRequest& request) = 0;

    virtual int position() const = 0; // tokens in the cache
    virtual int contextLength() const = 0;
    // Drops cached tokens from position n onwards, so a following decode() reuses the prefix.
    virtual void truncate(int n) = 0;
    // The tokens currently in the cache (for prefix reuse by callers).
    virtual const std::vector<int32_t>& tokens() const = 0;

    // Thread-safe: asks a running decode() to stop within one token.
    void cancel() { cancelled_.store(true); }
    void resetCancel() { cancelled_.store(false); }
    bool cancelRequested() const { return cancelled_.load(); }

protected:
    // Implementations hand this flag to the backend, which polls it between layers.
    std::atomic<bool> cancelled_{false};
};

} // namespace sosoik
