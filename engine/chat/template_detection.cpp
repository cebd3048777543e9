#include "chat/template_detection.h"

#include <algorithm>

namespace sosoik::chat {
namespace {

bool has(const std::string& s, const char* needle) {
    return s.find(needle) != std::string::npos;
}

bool hasToken(const std::vector<std::string>& tokens, const char* t) {
    return std::find(tokens.begin(), tokens.end(), t) != tokens.end();
}

// ChatML templates of Qwen and SmolLM write a literal default system turn, e.g.
// '<|im_start|>system\nYou are a helpful assistant<|im_end|>\n'. Only a plain literal counts
// (no Jinja expression inside), so a template's "system + messages[0].content" is ignored.
// Converters store the newline either as a real newline or as the two characters \n (the Jinja
// escape), so both spellings are accepted.
std::string literalDefaultSystem(const std::string& jinja) {
    static const std::string open = "<|im_start|>system", close = "<|im_end|>";
    for (size_t at = jinja.find(open); at != std::string::npos; at = jinja.find(open, at + 1)) {
        size_t start = at + open.size();
        if (jinja.compare(start, 1, "\n") == 0)
            start += 1;
        else if (jinja.compare(start, 2, "\\n") == 0)
            start += 2;
        else
            continue;
        const size_t end = jinja.find(close, start);
        if (end == std::string::npos) break;
        const std::string text = jinja.substr(start, end - start);
        if (!text.empty() && text.find_first_of("'\"{}+\\") == std::string::npos) return text;
    }
    return {};
}

std::string fromTemplate(const std::string& t) {
    if (has(t, "<|im_start|>")) return has(t, "enable_thinking") ? "qwen3" : "chatml";
    if (has(t, "<|start_header_id|>")) return "llama3";
    if (has(t, "<start_of_turn>")) return "gemma";
    // EXAONE 4's template switches reasoning with enable_thinking and knows a tool role.
    if (has(t, "[|endofturn|]") && (has(t, "enable_thinking") || has(t, "[|tool|]"))) return "exaone4";
    if (has(t, "[|endofturn|]") || has(t, "[|system|]")) return "exaone3";
    if (has(t, "<|user|>") && has(t, "<|end|>")) return "phi3";
    if (has(t, "<|user|>") && has(t, "<|assistant|>")) return "zephyr";
    if (has(t, "[INST]")) return has(t, "<<SYS>>") ? "llama2" : "mistral";
    return {};
}

std::string fromArchitecture(const std::string& arch, const std::vector<std::string>& tokens) {
    if (arch == "qwen3") return "qwen3";
    if (arch.rfind("qwen", 0) == 0) return "chatml";
    if (arch.rfind("gemma", 0) == 0) return "gemma";
    if (arch == "phi3") return "phi3";
    if (arch == "exaone4") return "exaone4";
    if (arch.rfind("exaone", 0) == 0) return "exaone3";
    if (arch == "llama") {
        if (hasToken(tokens, "<|start_header_id|>")) return "llama3";
        if (hasToken(tokens, "<|im_start|>")) return "chatml";
        if (hasToken(tokens, "[INST]")) return "mistral";
        return "llama2";
    }
    return {};
}

} // namespace

Detection detectTemplate(const std::string& jinja, const std::string& architecture,
                         const std::vector<std::string>& tokens) {
    Detection d;
    if (!jinja.empty()) {
        // A template we cannot place is not guessed from the architecture: fine-tunes change
        // formats freely, so ChatML (the most common) is used and reported as a fallback.
        d.family = fromTemplate(jinja);
        d.reason =
            d.family.empty() ? "unrecognized chat template: using ChatML" : "from the model's chat template";
    } else {
        d.family = fromArchitecture(architecture, tokens);
        d.reason = d.family.empty()
                       ? "no chat template and unknown architecture '" + architecture + "': using ChatML"
                       : "no chat template; chosen by architecture '" + architecture + "'";
    }
    if (d.family.empty()) {
        d.family = "chatml";
        d.fallback = true;
    }
    if (d.family == "chatml" && !d.fallback) d.defaultSystem = literalDefaultSystem(jinja);
    return d;
}

} // namespace sosoik::chat
