#include "chat/markdown_segments.h"

#include "chat/safe_markdown.h"

#include <QRegularExpression>
#include <QVariantMap>

namespace sosoik::app {
namespace {

// CommonMark fences: 3+ backticks or tildes, indented at most three spaces.
const QRegularExpression& fencePattern() {
    static const QRegularExpression re(QStringLiteral("^ {0,3}(`{3,}|~{3,})\\s*([^`\\s]*)[^`]*$"));
    return re;
}

void appendProse(QList<MarkdownSegment>& out, const QStringList& lines) {
    QString text = lines.join(QLatin1Char('\n'));
    if (text.trimmed().isEmpty()) return;
    out.append({MarkdownSegment::Kind::Prose, text, {}, true});
}

} // namespace

QList<MarkdownSegment> splitMarkdown(const QString& markdown) {
    QList<MarkdownSegment> out;
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    QStringList buffer;
    QString fence; // the opening fence while inside a code block
    QString language;
    for (const QString& line : lines) {
        if (fence.isEmpty()) {
            const auto m = fencePattern().match(line);
            if (m.hasMatch()) {
                appendProse(out, buffer);
                buffer.clear();
                fence = m.captured(1);
                language = m.captured(2);
            } else {
                buffer.append(line);
            }
            continue;
        }
        const QString trimmed = line.trimmed();
        // A closing fence uses the same character, at least as long, and nothing else.
        if (trimmed.startsWith(fence) && trimmed.count(fence.at(0)) == trimmed.size()) {
            out.append({MarkdownSegment::Kind::Code, buffer.join(QLatin1Char('\n')), language, true});
            buffer.clear();
            fence.clear();
            language.clear();
        } else {
            buffer.append(line);
        }
    }
    if (!fence.isEmpty())
        out.append({MarkdownSegment::Kind::Code, buffer.join(QLatin1Char('\n')), language, false});
    else
        appendProse(out, buffer);
    return out;
}

QVariantMap segmentForQml(const MarkdownSegment& s) {
    QVariantMap m;
    m.insert(QStringLiteral("kind"),
             s.kind == MarkdownSegment::Kind::Code ? QStringLiteral("code") : QStringLiteral("prose"));
    // Prose is untrusted Markdown (model output, document text): nothing in it may be fetched.
    m.insert(QStringLiteral("text"), s.kind == MarkdownSegment::Kind::Prose ? safeMarkdown(s.text) : s.text);
    m.insert(QStringLiteral("language"), s.language);
    m.insert(QStringLiteral("closed"), s.closed);
    return m;
}

QVariantList segmentsForQml(const QString& markdown) {
    QVariantList list;
    for (const auto& s : splitMarkdown(markdown))
        list.append(segmentForQml(s));
    return list;
}

QList<MarkdownBlock> splitMarkdownBlocks(QStringView markdown) {
    QList<MarkdownBlock> out;
    QStringList buffer;      // the current block's lines
    bool blankAfter = false; // a blank line followed the current prose paragraph
    QString fence, language;
    const auto endProse = [&](qsizetype end) {
        if (!buffer.isEmpty())
            out.append({{MarkdownSegment::Kind::Prose, buffer.join(QLatin1Char('\n')), {}, true}, end});
        buffer.clear();
        blankAfter = false;
    };
    qsizetype pos = 0;
    while (pos <= markdown.size()) {
        qsizetype nl = markdown.indexOf(QLatin1Char('\n'), pos);
        const bool lastLine = nl < 0;
        if (lastLine) nl = markdown.size();
        const QString line = markdown.mid(pos, nl - pos).toString();
        const qsizetype next = lastLine ? markdown.size() : nl + 1;
        if (!fence.isEmpty()) {
            const QString trimmed = line.trimmed();
            if (trimmed.startsWith(fence) && trimmed.count(fence.at(0)) == trimmed.size()) {
                out.append(
                    {{MarkdownSegment::Kind::Code, buffer.join(QLatin1Char('\n')), language, true}, next});
                buffer.clear();
                fence.clear();
                language.clear();
            } else {
                buffer.append(line);
            }
        } else if (const auto m = fencePattern().match(line); m.hasMatch()) {
            endProse(pos);
            fence = m.captured(1);
            language = m.captured(2);
        } else if (line.trimmed().isEmpty()) {
            blankAfter = !buffer.isEmpty();
        } else {
            if (blankAfter) endProse(pos);
            buffer.append(line);
        }
        if (lastLine) break;
        pos = next;
    }
    if (!fence.isEmpty())
        out.append({{MarkdownSegment::Kind::Code, buffer.join(QLatin1Char('\n')), language, false},
                    markdown.size()});
    else
        endProse(markdown.size());
    return out;
}

} // namespace sosoik::app
