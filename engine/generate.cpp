// generate(): prompt (with KV-prefix reuse) -> sampled tokens -> streamed UTF-8 text, stopping at
// end-of-generation tokens, stop strings, the token budget, a full context or cancellation.
#include "sosoik/generate.h"

#include "sosoik/error.h"
#include "sosoik/model.h"
#include "sosoik/session.h"
#include "sosoik/tokenizer.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace sosoik {
namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// s without a character it ends inside: the first bytes of a multi-byte UTF-8 sequence whose other bytes
// never came (the token budget ran out between them). Handed on, they became U+FFFD at the end of the
// answer ("툲�" closing a Korean summary in the app). Stray bytes that could never become valid stay, as
// StreamDecoder lets them through.
void dropUnfinishedCharacter(std::string& s) {
    for (size_t back = 1; back <= 3 && back <= s.size(); ++back) {
        const unsigned char c = s[s.size() - back];
        if ((c & 0xC0) == 0x80) continue; // continuation byte: look for the lead
        const size_t need = c >= 0xF0 && c <= 0xF4  ? 4
                            : c >= 0xE0 && c < 0xF0 ? 3
                            : c >= 0xC2 && c < 0xE0 ? 2
                                                    : 1;
        if (need > back) s.resize(s.size() - back);
        return;
    }
}

// Holds back text that could be the beginning of a stop string until it is decided.
class StopStringFilter {
public:
    explicit StopStringFilter(const std::vector<std::string>& stops) {
        for (const auto& s : stops)
            if (!s.empty()) stops_.push_back(s);
    }
    // Adds text; returns what can be shown now. Sets stopped() when a stop string appeared
    // (the returned text then ends right before it).
    std::string push(const std::string& text) {
        pending_ += text;
        size_t cut = std::string::npos;
        for (const auto& s : stops_)
            cut = std::min(cut, pending_.find(s));
        if (cut != std::string::npos) {
            stopped_ = true;
            std::string out = pending_.substr(0, cut);
            pending_.clear();
            return out;
        }
        // Keep the longest suffix that is a proper prefix of some stop string. Stop strings are
        // UTF-8, so that suffix starts on a character boundary.
        size_t keep = 0;
        for (const auto& s : stops_)
            for (size_t n = std::min(s.size() - 1, pending_.size()); n > keep; --n)
                if (pending_.compare(pending_.size() - n, n, s, 0, n) == 0) {
                    keep = n;
                    break;
                }
        std::string out = pending_.substr(0, pending_.size() - keep);
        pending_.erase(0, pending_.size() - keep);
        return out;
    }
    std::string flush() { return std::exchange(pending_, {}); }
    bool stopped() const { return stopped_; }

private:
    std::vector<std::string> stops_;
    std::string pending_;
    bool stopped_ = false;
};

} // namespace

GenerateStats generate(Model& model, Session& session, const std::vector<int32_t>& prompt,
                       const GenerateOptions& options,
                       const std::function<bool(const std::string& text, int32_t token)>& onText) {
    if (prompt.empty()) throw Error(Error::Kind::InvalidArgument, "generate() needs a non-empty prompt");
    if (static_cast<int>(prompt.size()) >= session.contextLength())
        throw Error(Error::Kind::InvalidArgument, "the prompt (" + std::to_string(prompt.size()) +
                                                      " tokens) does not fit in the context of " +
                                                      std::to_string(session.contextLength()) + " tokens");
    const Tokenizer& tokenizer = model.tokenizer();
    GenerateStats stats;
    // A stale request from an earlier run must not cancel this one.
    session.resetCancel();

    // Reuse the cached common prefix, but always decode at least the last prompt token: its
    // logits choose the first new token.
    const auto& cached = session.tokens();
    size_t common = 0;
    while (common < cached.size() && common < prompt.size() && cached[common] == prompt[common])
        ++common;
    common = std::min(common, prompt.size() - 1);
    session.truncate(static_cast<int>(common));
    stats.reusedTokens = static_cast<int>(common);
    stats.promptTokens = static_cast<int>(prompt.size() - common);

    Sampler sampler(options.sampler);
    // Evaluates tokens and draws the next token. When the sampler can name the few logits it needs
    // (greedy, or top-k on), the backend picks them where it computed them (on the GPU for Vulkan).
    // The sampler only looks at the last repeatWindow tokens, so only those are copied per step.
    const size_t window = static_cast<size_t>(std::max(0, options.sampler.repeatWindow));
    auto decodeAndSample = [&](std::span<const int32_t> tokens) {
        const auto& cached = session.tokens();
        std::vector<int32_t> recent(cached.end() - static_cast<long>(std::min(window, cached.size())),
                                    cached.end());
        recent.insert(recent.end(), tokens.begin(), tokens.end());
        const CandidateRequest request = sampler.request(recent);
        if (request.topK > 0) {
            const Candidates candidates = session.decodeCandidates(tokens, request);
            return sampler.sample(candidates, recent);
        }
        const std::vector<float> logits = session.decode(tokens);
        return sampler.sample(logits, recent);
    };

    const auto promptStart = Clock::now();
    int32_t token = -1;
    try {
        const auto rest = std::span<const int32_t>(prompt).subspan(common);
        const int total = static_cast<int>(rest.size());
        size_t done = 0;
        if (options.onPromptProgress) {
            options.onPromptProgress(0, total);
            // All but the last slice only fill the cache; the last one's logits choose the first token.
            for (; rest.size() - done > static_cast<size_t>(kPromptProgressTokens);
                 done += kPromptProgressTokens) {
                session.decode(rest.subspan(done, kPromptProgressTokens));
                options.onPromptProgress(static_cast<int>(done) + kPromptProgressTokens, total);
            }
        }
        token = decodeAndSample(rest.subspan(done));
        if (options.onPromptProgress) options.onPromptProgress(total, total);
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Cancelled) throw;
        stats.promptSeconds = secondsSince(promptStart);
        stats.stopReason = "cancelled";
        return stats;
    }
    stats.promptSeconds = secondsSince(promptStart);

    const auto genStart = Clock::now();
    StreamDecoder decoder(tokenizer);
    StopStringFilter stops(options.stopStrings);
    bool keepGoing = true;
    stats.stopReason = "length";
    for (int i = 0; i < options.maxNewTokens; ++i) {
        if (session.cancelRequested()) {
            stats.stopReason = "cancelled";
            break;
        }
        if (tokenizer.isEndOfGeneration(token)) {
            stats.stopReason = "eos";
            break;
        }
        ++stats.generatedTokens;
        const std::string text = stops.push(decoder.push(token));
        keepGoing = onText(text, token);
        if (stops.stopped()) {
            stats.stopReason = "stop-string";
            break;
        }
        if (!keepGoing) {
            stats.stopReason = "cancelled";
            break;
        }
        if (i + 1 == options.maxNewTokens) break; // no need to evaluate a token nobody samples after
        if (session.position() >= session.contextLength()) {
            stats.stopReason = "context-full";
            break;
        }
        try {
            token = decodeAndSample(std::span<const int32_t>(&token, 1));
        } catch (const Error& e) {
            if (e.kind() != Error::Kind::Cancelled) throw;
            stats.stopReason = "cancelled";
            break;
        }
    }
    if (!stops.stopped() && keepGoing) {
        const std::string rest = stops.push(decoder.flush());
        std::string tail = stops.stopped() ? rest : rest + stops.flush();
        dropUnfinishedCharacter(tail);
        if (stops.stopped()) stats.stopReason = "stop-string";
        if (!tail.empty()) onText(tail, -1);
    }
    stats.generateSeconds = secondsSince(genStart);
    return stats;
}

} // namespace sosoik
