#pragma once
// Byte-level BPE pre-tokenization: the regular expressions each model family published in its
// tokenizer.json, selected by tokenizer.ggml.pre and run with ICU (\p{L}, \p{N}, lookahead).
// Several expressions apply in sequence; each one splits every piece further and, as in
// Hugging Face's "Isolated" splits, the text between matches is kept as pieces too.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sosoik::tok {

class PreTokenizer {
public:
    // Throws Error(Unsupported) naming the value for an unknown `pre`. An empty `pre` (files from
    // before llama.cpp recorded it, e.g. GPT-NeoX) uses llama.cpp's documented "default" split.
    explicit PreTokenizer(const std::string& pre);
    ~PreTokenizer();

    std::vector<std::string_view> split(std::string_view text) const;
    bool ignoreMerges() const { return ignoreMerges_; } // Llama 3: whole-token pieces skip merging
    const std::string& name() const { return name_; }

    static std::vector<std::string> supportedNames();

private:
    std::string name_;
    bool ignoreMerges_ = false;
    struct Patterns; // compiled ICU expressions (kept out of this header)
    std::unique_ptr<Patterns> patterns_;
};

} // namespace sosoik::tok
