#pragma once
// Loading vocabularies from ../shared for tokenizer tests, and small assertion helpers.
#include "gguf/gguf_file.h"
#include "sosoik/tokenizer.h"
#include "support/test_support.h"
#include "tokenizer/tokenizer_factory.h"

#include <QStringList>

#include <memory>
#include <string>
#include <vector>

namespace sosoik::test {

inline std::unique_ptr<Tokenizer> loadTokenizer(const QString& path) {
    return createTokenizer(*gguf::File::open(path.toStdString()));
}

inline QString idList(const std::vector<int32_t>& ids) {
    QStringList parts;
    for (int32_t id : ids)
        parts << QString::number(id);
    return parts.join(' ');
}

// Valid UTF-8 (shortest forms, no surrogates): what a UI may display.
inline bool isValidUtf8(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = s[i];
        size_t n = c < 0x80                   ? 1
                   : (c >= 0xC2 && c <= 0xDF) ? 2
                   : (c >= 0xE0 && c <= 0xEF) ? 3
                   : (c >= 0xF0 && c <= 0xF4) ? 4
                                              : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        if (n == 3 && ((c == 0xE0 && static_cast<unsigned char>(s[i + 1]) < 0xA0) ||
                       (c == 0xED && static_cast<unsigned char>(s[i + 1]) >= 0xA0)))
            return false;
        if (n == 4 && ((c == 0xF0 && static_cast<unsigned char>(s[i + 1]) < 0x90) ||
                       (c == 0xF4 && static_cast<unsigned char>(s[i + 1]) >= 0x90)))
            return false;
        i += n;
    }
    return true;
}

} // namespace sosoik::test
