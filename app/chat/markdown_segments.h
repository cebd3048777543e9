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
QVariantMap segmentForQml(const MarkdownSegment& segment);

// Blocks for incremental rendering of a streaming answer: each fenced code block and each prose
// paragraph (text between blank lines). `end` is where the next block starts in the source (blank
// lines between blocks belong to none), so text appended later never changes a block that has a
// successor: only the last block needs parsing again. Splitting a text at once or from a block's end
// onwards gives the same blocks.
struct MarkdownBlock {
    MarkdownSegment segment;
    qsizetype end = 0;
};
QList<MarkdownBlock> splitMarkdownBlocks(QStringView markdown);

} // namespace sosoik::app
