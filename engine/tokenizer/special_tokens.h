#pragma once
// Splitting text around special tokens before the model's own tokenizer sees it.
//
// Two kinds of whole-token matches exist:
//  - markup tokens (control tokens like <|im_start|>, <|eot_id|>, [|endofturn|], and user-defined
//    tokens that look like markup): matched only where special parsing is allowed, i.e. in a chat
//    template's own text, never in what a user typed;
//  - plain added tokens (user-defined tokens such as MPT's runs of spaces or DeepSeek's single
//    letters): ordinary text the model was trained to see as one token, matched everywhere,
//    as llama.cpp and Hugging Face tokenizers do.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sosoik::tok {

struct Fragment {
    std::string_view text;     // when token < 0: text still to be tokenized
    int32_t token = -1;        // a whole token matched in the text
    bool allowSpecial = false; // markup tokens may be matched in this text
};

// True for user-defined tokens that are protocol markup rather than text: <|...|>, <｜...｜>,
// [|...|], <s>, </s>, <pad>, and <name> tags whose name contains '_' or '|' (<fim_prefix>).
bool looksLikeMarkup(std::string_view token);

class SpecialTokenMatcher {
public:
    SpecialTokenMatcher() = default;
    // markup: ids matched only in fragments with allowSpecial; plain: ids matched everywhere.
    SpecialTokenMatcher(const std::vector<std::string>& tokens, const std::vector<int32_t>& markup,
                        const std::vector<int32_t>& plain);

    // Longest tokens are matched first, each at every occurrence (llama.cpp's order), so the
    // result does not depend on where a shorter token happens to start.
    std::vector<Fragment> partition(std::vector<Fragment> fragments) const;
    bool empty() const { return candidates_.empty(); }

private:
    struct Candidate {
        std::string text;
        int32_t id;
        bool markup;
    };
    std::vector<Candidate> candidates_;
};

} // namespace sosoik::tok
