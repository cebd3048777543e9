#include "summarize/language.h"

namespace sosoik::summarize {

double hangulRatio(const QString& text) {
    qsizetype letters = 0, hangul = 0;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool isHangul =
            (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0x1100 && u <= 0x11FF) || (u >= 0x3130 && u <= 0x318F);
        if (isHangul) ++hangul;
        if (isHangul || c.isLetter()) ++letters;
    }
    return letters ? double(hangul) / double(letters) : 0.0;
}

QString detectLanguage(const QString& sample) {
    // Korean prose mixes in Latin acronyms and numbers; a fifth of Hangul letters is already Korean.
    return hangulRatio(sample) >= 0.2 ? QStringLiteral("ko") : QStringLiteral("en");
}

QString resolveLanguage(const QString& setting, const QString& documentSample) {
    if (setting == QLatin1String("ko") || setting == QLatin1String("en")) return setting;
    return detectLanguage(documentSample);
}

} // namespace sosoik::summarize
