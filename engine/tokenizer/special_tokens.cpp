#include "tokenizer/special_tokens.h"

#include <algorithm>

namespace sosoik::tok {

bool looksLikeMarkup(std::string_view t) {
    auto wraps = [&](std::string_view open, std::string_view close) {
        return t.size() > open.size() + close.size() && t.starts_with(open) && t.ends_with(close);
    };
    if (wraps("<|", "|>") || wraps("<｜", "｜>") || wraps("[|", "|]")) return true;
    if (t == "<s>" || t == "</s>" || t == "<pad>" || t == "<unk>" || t == "<mask>") return true;
    if (wraps("<", ">")) {
        const std::string_view name = t.substr(1, t.size() - 2);
        const bool hasSpace = name.find_first_of(" \t\n") != std::string_view::npos;
        return !hasSpace && name.find_first_of("_|") != std::string_view::npos;
    }
    return false;
}

SpecialTokenMatcher::SpecialTokenMatcher(const std::vector<std::string>& tokens,
                                         const std::vector<int32_t>& markup,
                                         const std::vector<int32_t>& plain) {
    for (int32_t id : markup)
        if (!tokens[id].empty()) candidates_.push_back({tokens[id], id, true});
    for (int32_t id : plain)
        if (!tokens[id].empty()) candidates_.push_back({tokens[id], id, false});
    std::stable_sort(candidates_.begin(), candidates_.end(),
                     [](const Candidate& a, const Candidate& b) { return a.text.size() > b.text.size(); });
}

std::vector<Fragment> SpecialTokenMatcher::partition(std::vector<Fragment> fragments) const {
    std::vector<Fragment> next;
    for (const Candidate& c : candidates_) {
        next.clear();
        for (const Fragment& f : fragments) {
            if (f.token >= 0 || (c.markup && !f.allowSpecial) || f.text.size() < c.text.size()) {
                next.push_back(f);
                continue;
            }
            size_t start = 0;
            for (size_t hit; (hit = f.text.find(c.text, start)) != std::string_view::npos;
                 start = hit + c.text.size()) {
                if (hit > start) next.push_back({f.text.substr(start, hit - start), -1, f.allowSpecial});
                next.push_back({f.text.substr(hit, c.text.size()), c.id, f.allowSpecial});
            }
            if (start < f.text.size()) next.push_back({f.text.substr(start), -1, f.allowSpecial});
        }
        fragments.swap(next);
    }
    return fragments;
}

} // namespace sosoik::tok
