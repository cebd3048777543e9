#include "tokenizer/byte_level.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace sosoik::tok {
namespace {

std::string utf8(uint32_t cp) {
    std::string s;
    if (cp < 0x80) {
        s.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        s.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        s.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    return s;
}

struct Tables {
    std::array<std::string, 256> encode;
    std::array<int, 512> decode{}; // code point -> byte, -1 if unmapped (all mapped code points are < 512)

    Tables() {
        decode.fill(-1);
        // Printable Latin-1 bytes stand for themselves; the rest are shifted to 256 + n in order.
        auto printable = [](int b) {
            return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        };
        int shifted = 0;
        for (int b = 0; b < 256; ++b) {
            const uint32_t cp = printable(b) ? b : 256 + shifted++;
            encode[b] = utf8(cp);
            decode[cp] = b;
        }
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

} // namespace

std::string byteLevelEncode(std::string_view raw) {
    const Tables& t = tables();
    std::string out;
    out.reserve(raw.size() * 2);
    for (unsigned char c : raw)
        out += t.encode[c];
    return out;
}

std::string byteLevelDecode(std::string_view s) {
    const Tables& t = tables();
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = s[i];
        uint32_t cp = 0;
        size_t len = 1;
        if (c < 0x80) {
            cp = c;
        } else if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
            cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
            len = 2;
        } else {
            cp = UINT32_MAX; // beyond the mapping: keep the character
            len = (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        }
        len = std::min(len, s.size() - i);
        if (cp < t.decode.size() && t.decode[cp] >= 0)
            out.push_back(static_cast<char>(t.decode[cp]));
        else
            out.append(s.substr(i, len));
        i += len;
    }
    return out;
}

} // namespace sosoik::tok
