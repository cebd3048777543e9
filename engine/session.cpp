// Session: a KV cache on a loaded model plus the token history it holds.
#include "sosoik/session.h"

#include "model_loader.h"
#include "sosoik/error.h"

#include <algorithm>

namespace sosoik {
namespace {

// Long prompts are decoded in chunks so that cancellation and memory stay bounded.
constexpr int kChunk = 64;

class SessionImpl : public Session {
public:
    SessionImpl(LoadedModel& model, int contextLength)
        : model_(model), cache_(model.backend().createCache(contextLength)), contextLength_(contextLength) {}

    std::vector<float> decode(std::span<const int32_t> tokens, bool allLogits) override {
        const int n = check(tokens), vocab = model_.hparams().nVocab;
        std::vector<float> logits(size_t(allLogits ? n : 1) * vocab);
        run(tokens, [&](std::span<const int32_t> chunk, int begin, bool last) {
            std::span<float> out; // empty for a non-final chunk: only its KV entries are wanted
            if (allLogits)
                out = std::span<float>(logits).subspan(size_t(begin) * vocab, chunk.size() * vocab);
            else if (last)
                out = logits;
            model_.backend().forward(*cache_, chunk, position(), out, allLogits, &cancelled_);
        });
        return logits;
    }

    Candidates decodeCandidates(std::span<const int32_t> tokens, const CandidateRequest& request) override {
        check(tokens);
        if (request.topK <= 0)
            throw Error(Error::Kind::InvalidArgument, "decodeCandidates() needs a request with topK > 0");
        const int vocab = model_.hparams().nVocab;
        Candidates result;
        run(tokens, [&](std::span<const int32_t> chunk, int, bool last) {
            if (last) {
                result = model_.backend().forwardCandidates(*cache_, chunk, position(), request, vocab,
                                                            &cancelled_);
            } else {
                model_.backend().forward(*cache_, chunk, position(), {}, false, &cancelled_);
            }
        });
        return result;
    }

    int position() const override { return static_cast<int>(tokens_.size()); }
    int contextLength() const override { return contextLength_; }
    void truncate(int n) override {
        if (n < 0) throw Error(Error::Kind::InvalidArgument, "cannot truncate to a negative length");
        if (n < position()) tokens_.resize(n);
    }
    const std::vector<int32_t>& tokens() const override { return tokens_; }

private:
    // Validates tokens against the context and the vocabulary; returns their count.
    int check(std::span<const int32_t> tokens) const {
        if (tokens.empty()) throw Error(Error::Kind::InvalidArgument, "decode() needs at least one token");
        const int n = static_cast<int>(tokens.size()), vocab = model_.hparams().nVocab;
        if (position() + n > contextLength_)
            throw Error(Error::Kind::InvalidArgument,
                        "the context is full: " + std::to_string(position()) + " + " + std::to_string(n) +
                            " tokens exceed the context length of " + std::to_string(contextLength_));
        for (int32_t t : tokens)
            if (t < 0 || t >= vocab)
                throw Error(Error::Kind::InvalidArgument, "token id " + std::to_string(t) +
                                                              " is outside the vocabulary (0.." +
                                                              std::to_string(vocab - 1) + ")");
        return n;
    }

    // Feeds tokens in chunks (cancellation and memory stay bounded); step(chunk, begin, last)
    // evaluates one chunk at position(), after which its tokens join the history.
    template <typename Step> void run(std::span<const int32_t> tokens, Step step) {
        const int n = static_cast<int>(tokens.size());
        for (int begin = 0; begin < n; begin += kChunk) {
            if (cancelled_.load()) throw Error(Error::Kind::Cancelled, "decoding was cancelled");
            const int count = std::min(kChunk, n - begin);
            {
                std::lock_guard lock(model_.computeMutex());
                step(tokens.subspan(begin, count), begin, begin + count == n);
            }
            tokens_.insert(tokens_.end(), tokens.begin() + begin, tokens.begin() + begin + count);
        }
    }

    LoadedModel& model_;
    std::unique_ptr<backend::KvCache> cache_;
    int contextLength_;
    std::vector<int32_t> tokens_;
};

} // namespace

std::unique_ptr<Session> Session::create(Model& model, int contextLength) {
    auto* loaded = dynamic_cast<LoadedModel*>(&model);
    if (!loaded) throw Error(Error::Kind::InvalidArgument, "Session::create needs a model from Model::load");
    if (contextLength <= 0) contextLength = std::min(loaded->hparams().nCtxTrain, 4096);
    if (contextLength > (1 << 20))
        throw Error(Error::Kind::InvalidArgument,
                    "context length " + std::to_string(contextLength) + " is too large");
    return std::make_unique<SessionImpl>(*loaded, contextLength);
}

} // namespace sosoik
