#pragma once
// Which language a summary is written in: the document's own, unless the user chose one.
#include <QString>

namespace sosoik::summarize {

// Share of Hangul among the letters of text (0 when it has no letters).
double hangulRatio(const QString& text);
// "ko" when at least a fifth of the letters are Hangul, else "en".
QString detectLanguage(const QString& sample);
// setting: "auto" (or empty), "ko" or "en"; auto resolves from the document sample.
QString resolveLanguage(const QString& setting, const QString& documentSample);

} // namespace sosoik::summarize
