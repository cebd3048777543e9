// StreamDecoder (declared in sosoik/tokenizer.h).
#include "sosoik/tokenizer.h"

namespace sosoik {
namespace {

// Length of the longest prefix of s[from..] that does not end inside a UTF-8 sequence.
// Bytes that can never become valid (stray continuation bytes) are let through rather than
// held back forever.
size_t completeUtf8End(const std::string& s, size_t from) {
    size_t end = s.size();
    // Look back at most 3 bytes for the lead byte of a possibly unfinished sequence.
    for (size_t back = 1; back <= 3 && back <= end - from; ++back) {
        const unsigned char c = s[end - back];
        if ((c & 0xC0) == 0x80) continue; // continuation byte: keep looking for the lead
        const size_t need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 1;
        return need > back ? end - back : end;
    }
    return end;
}

} // namespace

std::string StreamDecoder::push(int32_t id) {
    ids_.push_back(id);
    // Decoding the whole sequence each time keeps the result identical to Tokenizer::decode,
    // including context-dependent rules (the dummy-prefix space of the first piece).
    const std::string text = tokenizer_.decode(ids_, renderSpecial_);
    if (text.size() < emittedBytes_) return {}; // cannot happen for prefix-stable decoders
    const size_t end = completeUtf8End(text, emittedBytes_);
    std::string out = text.substr(emittedBytes_, end - emittedBytes_);
    emittedBytes_ = end;
    return out;
}

std::string StreamDecoder::flush() {
    const std::string text = tokenizer_.decode(ids_, renderSpecial_);
    std::string out = text.size() > emittedBytes_ ? text.substr(emittedBytes_) : std::string();
    emittedBytes_ = text.size();
    return out;
}

} // namespace sosoik
