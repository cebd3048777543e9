#pragma once
// The generation loop shared by the CLI and the app: prompt -> streamed text.
#include "sosoik/sampler.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sosoik {

class Model;
class Session;

struct GenerateOptions {
    SamplerParams sampler;
    int maxNewTokens = 256;
    std::vector<std::string> stopStrings;
    // Prompt processing can take seconds before the first token (a long chat on a small CPU). When set,
    // the prompt is decoded in slices of kPromptProgressTokens and this is called with (tokens decoded,
    // tokens to decode) at the start, after each slice and at the end; greedy output is unchanged.
    std::function<void(int done, int total)> onPromptProgress;
};

// Prompt tokens decoded between two onPromptProgress calls (the session's own decode chunk).
inline constexpr int kPromptProgressTokens = 64;

struct GenerateStats {
    int promptTokens = 0; // tokens actually decoded for the prompt (after prefix reuse)
    int reusedTokens = 0; // prompt tokens served from the KV cache
    int generatedTokens = 0;
    double promptSeconds = 0;
    double generateSeconds = 0;
    std::string stopReason; // "eos", "length", "stop-string", "cancelled", "context-full"
};

// Feeds prompt (reusing the session's common prefix), then samples until EOS/EOT, a stop string,
// maxNewTokens or cancellation. onText receives complete UTF-8 pieces; returning false stops.
GenerateStats generate(Model& model, Session& session, const std::vector<int32_t>& prompt,
                       const GenerateOptions& options,
                       const std::function<bool(const std::string& text, int32_t token)>& onText);

} // namespace sosoik
