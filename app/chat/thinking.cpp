#include "chat/thinking.h"

namespace sosoik::app {
namespace {

constexpr QLatin1String kOpen("<think>");
constexpr QLatin1String kClose("</think>");

qsizetype skipSpace(QStringView text, qsizetype i) {
    while (i < text.size() && text[i].isSpace())
        ++i;
    return i;
}

} // namespace

ThinkingSplit splitThinking(QStringView text, bool streaming) {
    ThinkingSplit split;
    const qsizetype start = skipSpace(text, 0);
    const QStringView rest = text.mid(start);
    if (rest.startsWith(kOpen)) {
        split.hasThinking = true;
        const qsizetype close = text.indexOf(kClose, start + kOpen.size());
        split.open = close < 0;
        const qsizetype end = split.open ? text.size() : close;
        split.thinking = text.mid(start + kOpen.size(), end - start - kOpen.size()).trimmed().toString();
        split.answerStart = split.open ? text.size() : skipSpace(text, close + kClose.size());
        return split;
    }
    if (streaming && !rest.isEmpty() && kOpen.startsWith(rest)) {
        split.hasThinking = true; // "<thi…": most likely a thinking section starting
        split.open = true;
        split.answerStart = text.size();
        return split;
    }
    // R1 distills: the opening tag was part of the prompt. Only a closing tag with no opening one
    // before it counts (an answer that mentions "<think>…</think>" in prose keeps its text).
    const qsizetype close = text.indexOf(kClose);
    if (close >= 0 && text.left(close).indexOf(kOpen) < 0) {
        split.hasThinking = true;
        split.thinking = text.left(close).trimmed().toString();
        split.answerStart = skipSpace(text, close + kClose.size());
    }
    return split;
}

QString withoutThinking(const QString& text) {
    const ThinkingSplit split = splitThinking(text);
    return split.hasThinking ? text.mid(split.answerStart) : text;
}

} // namespace sosoik::app
