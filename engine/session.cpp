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
        std::vector<float> logits(size_t(allLogits ? n : 1) * vocab);
        for (int begin = 0; begin < n; begin += kChunk) {
            if (cancelled_.load()) throw Error(Error::Kind::Cancelled, "decoding was cancelled");
            const int count = std::min(kChunk, n - begin);
            const bool last = begin + count == n;
            std::span<float> out;
            std::vector<float> scratch;
            if (allLogits) {
                out = std::span<float>(logits).subspan(size_t(begin) * vocab, size_t(count) * vocab);
            } else if (last) {
                out = logits;
            } else {
                scratch.resize(vocab); // logits of a non-final chunk are not wanted
                out = scratch;
            }
            {
                std::lock_guard lock(model_.computeMutex());
                model_.backend().forward(*cache_, tokens.subspan(begin, count), position(), out, allLogits,
                                         &cancelled_);
            }
            tokens_.insert(tokens_.end(), tokens.begin() + begin, tokens.begin() + begin + count);
        }
        return logits;
    }

    int position() const override { return static_cast<int>(tokens_.size()); }
    int contextLength() const override { return contextLength_; }
    void truncate(int n) override {
        if (n < 0) throw Error(Error::Kind::InvalidArgument, "cannot truncate to a negative length");
        if (n < position()) tokens_.resize(n);
    }
    const std::vector<int32_t>& tokens() const override { return tokens_; }

private:
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
