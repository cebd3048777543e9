#include "tokenizer/wpm_tokenizer.h"

#include "sosoik/error.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

namespace sosoik::tok {
namespace {

constexpr std::string_view kWordStart = "\xE2\x96\x81"; // ▁

// CJK ideographs are words on their own in BERT (same ranges as Hugging Face's BertNormalizer).
bool isChineseChar(UChar32 c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) ||
           (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) ||
           (c >= 0x2B920 && c <= 0x2CEAF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

bool isControl(UChar32 c) {
    const int8_t t = u_charType(c);
    return t == U_CONTROL_CHAR || t == U_FORMAT_CHAR || t == U_PRIVATE_USE_CHAR || t == U_SURROGATE;
}

bool isPunctuationOrAsciiSymbol(UChar32 c) {
    if (u_ispunct(c)) return true;
    if (c >= 0x7F) return false;
    const int8_t t = u_charType(c);
    return t == U_MATH_SYMBOL || t == U_CURRENCY_SYMBOL || t == U_MODIFIER_SYMBOL || t == U_OTHER_SYMBOL;
}

void appendUtf8(std::string& out, UChar32 c) {
    icu::UnicodeString(c).toUTF8String(out);
}

} // namespace

WpmTokenizer::WpmTokenizer(Vocab v) : VocabTokenizer(std::move(v)) {
    for (const std::string& t : vocab().tokens)
        longestToken_ = std::max(longestToken_, t.size());
}

std::vector<std::string> WpmTokenizer::words(std::string_view text) const {
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    if (vocab().stripAccents) {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
        if (U_SUCCESS(status)) u = nfd->normalize(u, status);
        if (U_FAILURE(status))
            throw Error(Error::Kind::InvalidArgument, "Could not normalize the text for WordPiece.");
    }
    std::vector<std::string> out(1);
    auto endWord = [&] {
        if (!out.back().empty()) out.emplace_back();
    };
    for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        UChar32 c = u.char32At(i);
        if (u_isUWhiteSpace(c)) {
            endWord();
            continue;
        }
        if (c == 0 || c == 0xFFFD || isControl(c)) continue;
        if (vocab().stripAccents && u_charType(c) == U_NON_SPACING_MARK) continue;
        if (vocab().lowercase) c = u_tolower(c);
        if (isPunctuationOrAsciiSymbol(c) || isChineseChar(c)) {
            endWord();
            appendUtf8(out.back(), c);
            out.emplace_back();
        } else {
            appendUtf8(out.back(), c);
        }
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

void WpmTokenizer::encodeText(std::string_view text, bool, std::vector<int32_t>& out) const {
    for (const std::string& word : words(text)) {
        const std::string w = std::string(kWordStart) + word;
        const size_t before = out.size();
        // Greedy longest match; a word with any unmatched position becomes one [UNK].
        for (size_t i = 0; i < w.size();) {
            int32_t found = -1;
            size_t end = std::min(w.size(), i + longestToken_);
            for (; end > i; --end)
                if ((found = findToken(std::string_view(w).substr(i, end - i))) >= 0) break;
            if (found < 0) {
                out.resize(before);
                break;
            }
            out.push_back(found);
            i = end;
        }
        if (out.size() == before && vocab().unk >= 0) out.push_back(vocab().unk);
    }
}

std::string WpmTokenizer::normalBytes(int32_t id) const {
    const std::string& t = vocab().tokens[id];
    return t.starts_with(kWordStart) ? " " + t.substr(kWordStart.size()) : t;
}

} // namespace sosoik::tok
