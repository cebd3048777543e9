#include "tokenizer/pre_tokenizer.h"

#include "sosoik/error.h"

#include <unicode/regex.h>
#include <unicode/utext.h>

#include <initializer_list>

namespace sosoik::tok {
namespace {

// The published expressions. Case-insensitive contraction groups (?i:'s|...) are spelled out
// as '[sS]... so that Unicode case folding (the Kelvin sign, long s) cannot widen them.
constexpr const char* kGpt2 = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";
constexpr const char* kLlama3 =
    R"((?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
constexpr const char* kQwen2 =
    R"((?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
constexpr const char* kTekken =
    R"([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
constexpr const char* kGpt4o =
    R"([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
// DeepSeek LLM splits Latin/Greek/Cyrillic letters, ASCII punctuation, CJK and Hangul apart.
// Cased letters (Unicode LC) as DeepSeek published them; written as code points because several
// of them (U+1F7D, U+1FBE, U+2126, U+212A...) would silently change under text normalization.
constexpr const char* kDeepseekLetters =
    R"(\s?[)"
    R"(A-Za-z\x{B5}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{1BA}\x{1BC}-\x{1BF}\x{1C4}-\x{293})"
    R"(\x{295}-\x{2AF}\x{370}-\x{373}\x{376}\x{377}\x{37B}-\x{37D}\x{37F}\x{386}\x{388}-\x{38A})"
    R"(\x{38C}\x{38E}-\x{3A1}\x{3A3}-\x{3F5}\x{3F7}-\x{481}\x{48A}-\x{52F}\x{531}-\x{556})"
    R"(\x{10A0}-\x{10C5}\x{13A0}-\x{13F5}\x{13F8}-\x{13FD}\x{1C90}-\x{1CBA}\x{1CBD}-\x{1CBF})"
    R"(\x{1D00}-\x{1D2B}\x{1D6B}-\x{1D77}\x{1D79}-\x{1D9A}\x{1E00}-\x{1F15}\x{1F18}-\x{1F1D})"
    R"(\x{1F20}-\x{1F45}\x{1F48}-\x{1F4D}\x{1F50}-\x{1F57}\x{1F59}\x{1F5B}\x{1F5D})"
    R"(\x{1F5F}-\x{1F7D}\x{1F80}-\x{1FB4}\x{1FB6}-\x{1FBC}\x{1FBE}\x{1FC2}-\x{1FC4})"
    R"(\x{1FC6}-\x{1FCC}\x{1FD0}-\x{1FD3}\x{1FD6}-\x{1FDB}\x{1FE0}-\x{1FEC}\x{1FF2}-\x{1FF4})"
    R"(\x{1FF6}-\x{1FFC}\x{2102}\x{2107}\x{210A}-\x{2113}\x{2115}\x{2119}-\x{211D}\x{2124})"
    R"(\x{2126}\x{2128}\x{212A}-\x{212D}\x{212F}-\x{2134}\x{2139}\x{213C}-\x{213F})"
    R"(\x{2145}-\x{2149}\x{214E}\x{2183}\x{2184}\x{2C00}-\x{2C7B}\x{2C7E}-\x{2CE4})"
    R"(\x{2CEB}-\x{2CEE}\x{2CF2}\x{2CF3}\x{A640}-\x{A66D}\x{A680}-\x{A69B}\x{A722}-\x{A76F})"
    R"(\x{A771}-\x{A787}\x{A78B}-\x{A78E}\x{AB70}-\x{ABBF}\x{FB00}-\x{FB06}\x{FB13}-\x{FB17})"
    R"(\x{FF21}-\x{FF3A}\x{FF41}-\x{FF5A}\x{10400}-\x{1044F}\x{104B0}-\x{104D3})"
    R"(\x{104D8}-\x{104FB}\x{10C80}-\x{10CB2}\x{10CC0}-\x{10CF2}\x{118A0}-\x{118DF})"
    R"(\x{1E900}-\x{1E943})"
    R"(]+)";
constexpr const char* kCjkHangul = R"([\x{4E00}-\x{9FA5}\x{800}-\x{4E00}\x{AC00}-\x{D7FF}]+)";

struct Family {
    std::initializer_list<const char*> names;
    std::initializer_list<const char*> patterns;
    bool ignoreMerges = false;
};

const Family kFamilies[] = {
    {{"gpt-2", "gpt2", "phi-2", "mpt", "olmo", "jais", "exaone4", "jina-es", "jina-de", "roberta-bpe"},
     {kGpt2}},
    {{"llama3", "llama-v3", "llama-bpe", "falcon3"}, {kLlama3}, true},
    {{"dbrx", "smaug-bpe", "chatglm-bpe", "glm4"}, {kLlama3}},
    {{"qwen2", "deepseek-r1-qwen", "stablelm2", "megrez", "hunyuan"}, {kQwen2}},
    {{"starcoder", "refact", "command-r", "smollm", "codeshell", "exaone", "minerva-7b"},
     {R"(\p{N})", kGpt2}},
    {{"falcon"}, {R"([\p{P}\$\+<=>\^~\|`]+)", kGpt2, R"([0-9][0-9][0-9])"}},
    {{"deepseek-llm"},
     {R"([\r\n])", kDeepseekLetters,
      R"(\s?[!-/:-~\x{FF01}-\x{FF0F}\x{FF1A}-\x{FF5E}\x{2018}-\x{201F}\x{3000}-\x{3002}]+)", R"(\s+$)",
      kCjkHangul, R"(\p{N}+)"}},
    {{"deepseek-coder"}, {R"([\r\n])", R"(\s?\p{L}+)", R"(\s?\p{P}+)", kCjkHangul, R"(\p{N})"}},
    {{"poro-chat", "bloom", "gpt3-finnish"},
     {R"( ?[^(\s|.,!?\x{2026}\x{3002}\x{FF0C}\x{3001}\x{964}\x{6D4}\x{60C})]+)"}},
    {{"tekken"}, {kTekken}, true},
    {{"gpt-4o", "llama4"}, {kGpt4o}},
    // llama.cpp's fallback for files without tokenizer.ggml.pre (e.g. GPT-NeoX conversions).
    {{"default", ""}, {R"([\p{P}\$\+<=>\^~\|]+)", kGpt2, R"(\p{N}+)", R"([0-9][0-9][0-9])"}},
};

// ICU's \s is [\t\n\f\r\p{Z}]; the tokenizers' is Unicode White_Space (adds \v and U+0085).
std::string withUnicodeWhitespace(std::string_view pattern) {
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '\\' && i + 1 < pattern.size()) {
            const char next = pattern[++i];
            if (next == 's')
                out += R"(\p{White_Space})";
            else if (next == 'S')
                out += R"(\P{White_Space})";
            else
                (out += '\\') += next;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

struct UTextCloser {
    void operator()(UText* t) const { utext_close(t); }
};

} // namespace

struct PreTokenizer::Patterns {
    std::vector<std::unique_ptr<icu::RegexPattern>> list;
};

PreTokenizer::PreTokenizer(const std::string& pre) : name_(pre), patterns_(std::make_unique<Patterns>()) {
    const Family* family = nullptr;
    for (const Family& f : kFamilies)
        for (const char* n : f.names)
            if (pre == n) family = &f;
    if (!family) {
        std::string known;
        for (const std::string& n : supportedNames())
            known += (known.empty() ? "" : ", ") + n;
        throw Error(Error::Kind::Unsupported,
                    "The model's pre-tokenizer '" + pre +
                        "' (tokenizer.ggml.pre) is not supported; supported: " + known + ".");
    }
    ignoreMerges_ = family->ignoreMerges;
    for (const char* p : family->patterns) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError where{};
        std::unique_ptr<icu::RegexPattern> compiled(icu::RegexPattern::compile(
            icu::UnicodeString::fromUTF8(withUnicodeWhitespace(p)), 0, where, status));
        if (U_FAILURE(status))
            throw Error(Error::Kind::Unsupported, "Internal error: the '" + pre +
                                                      "' pre-tokenizer expression does not compile (" +
                                                      u_errorName(status) + ").");
        patterns_->list.push_back(std::move(compiled));
    }
}

PreTokenizer::~PreTokenizer() = default;

std::vector<std::string> PreTokenizer::supportedNames() {
    std::vector<std::string> names;
    for (const Family& f : kFamilies)
        for (const char* n : f.names)
            if (*n) names.emplace_back(n);
    return names;
}

std::vector<std::string_view> PreTokenizer::split(std::string_view text) const {
    if (text.empty()) return {};
    UErrorCode status = U_ZERO_ERROR;
    // UText over the UTF-8 bytes: match positions are byte offsets into `text`, and bytes
    // that are not valid UTF-8 still end up in some piece (byte-level BPE can encode them).
    std::unique_ptr<UText, UTextCloser> input(
        utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
    std::vector<std::string_view> pieces{text};
    std::vector<std::string_view> next;
    for (const auto& pattern : patterns_->list) {
        std::unique_ptr<icu::RegexMatcher> matcher(pattern->matcher(status));
        if (U_FAILURE(status))
            throw Error(Error::Kind::OutOfMemory, "Could not create a pre-tokenizer matcher.");
        matcher->reset(input.get());
        next.clear();
        for (std::string_view piece : pieces) {
            const int64_t begin = piece.data() - text.data(),
                          end = begin + static_cast<int64_t>(piece.size());
            // Region bounds are opaque and anchoring: lookahead and $ see the piece's end.
            matcher->region(begin, end, status);
            int64_t done = begin;
            while (matcher->find(status) && U_SUCCESS(status)) {
                const int64_t s = matcher->start64(status), e = matcher->end64(status);
                if (e == s) continue;
                if (s > done) next.push_back(text.substr(done, s - done));
                next.push_back(text.substr(s, e - s));
                done = e;
            }
            if (done < end) next.push_back(text.substr(done, end - done));
        }
        if (U_FAILURE(status))
            throw Error(Error::Kind::InvalidArgument,
                        std::string("Pre-tokenization failed: ") + u_errorName(status) + ".");
        pieces.swap(next);
    }
    return pieces;
}

} // namespace sosoik::tok
