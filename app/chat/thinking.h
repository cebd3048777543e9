#pragma once
// Reasoning models write their thinking before the answer: Qwen3 (thinking on) as
// "<think>…</think>answer"; DeepSeek-R1 distills' templates put "<think>\n" into the prompt, so
// their output holds only the closing tag: "…</think>answer". The chat view folds the thinking
// into a "Thinking…" section (MessageDelegate.qml), and the next turn's prompt gets only the answer:
// the models' own chat templates drop earlier turns' reasoning too (Qwen3's and R1's Jinja
// templates cut everything up to </think>), so no supported template wants it back.
#include <QString>
#include <QStringView>

namespace sosoik::app {

struct ThinkingSplit {
    bool hasThinking = false;  // the message starts with a thinking section
    bool open = false;         // its closing tag has not arrived (yet)
    QString thinking;          // the reasoning, without tags and surrounding blank lines
    qsizetype answerStart = 0; // where the answer begins in the text (after </think> and blank space)
};

// streaming: the text may still grow, so a beginning that could become "<think>" ("<thi") is
// held back instead of flashing as text.
ThinkingSplit splitThinking(QStringView text, bool streaming = false);

// The answer alone: what an assistant message contributes to the next turn's prompt.
QString withoutThinking(const QString& text);

} // namespace sosoik::app
