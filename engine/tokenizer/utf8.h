#pragma once
// UTF-8 validation for tokenizers that must not lose bytes which are not valid text.
#include <cstddef>
#include <string_view>

namespace sosoik::tok {

// Length of the valid UTF-8 sequence starting at s[i] (shortest form, no surrogates, at most
// U+10FFFF), or 0 when the bytes there are not valid UTF-8.
inline size_t validUtf8At(std::string_view s, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    size_t n = c < 0x80                   ? 1
               : (c >= 0xC2 && c <= 0xDF) ? 2
               : (c >= 0xE0 && c <= 0xEF) ? 3
               : (c >= 0xF0 && c <= 0xF4) ? 4
                                          : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (size_t k = 1; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    const unsigned char c1 = n > 1 ? byte(i + 1) : 0;
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) ||
        (c == 0xF4 && c1 >= 0x90))
        return 0;
    return n;
}

} // namespace sosoik::tok
