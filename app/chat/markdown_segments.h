#pragma once
// Splits a Markdown message into prose and fenced code blocks so the chat view can render
// prose as rich text and each code block in a monospace box with its own copy button.
// Works on partial text while an answer streams: an unclosed fence is an open code block.
#include <QList>
#include <QString>
#include <QVariantList>

namespace sosoik::app {

struct MarkdownSegment {
    enum class Kind { Prose, Code };
    Kind kind = Kind::Prose;
    QString text;       // prose: Markdown source; code: the code without fences
    QString language;   // info string of the fence ("cpp", "python", ...), code only
    bool closed = true; // code only: false while the closing fence has not arrived yet
};

QList<MarkdownSegment> splitMarkdown(const QString& markdown);
// The same as QVariantMaps {kind: "prose"|"code", text, language, closed} for QML.
QVariantList segmentsForQml(const QString& markdown);

} // namespace sosoik::app
