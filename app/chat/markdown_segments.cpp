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

// CommonMark indented code: four spaces or a tab (after up to three spaces) before the text.
bool isIndentedCode(const QString& line) {
    if (line.trimmed().isEmpty()) return false;
    return line.startsWith(QLatin1String("    ")) || line.startsWith(QLatin1Char('\t')) ||
           (line.size() > 1 && line.left(4).trimmed().isEmpty() && line.left(4).contains(QLatin1Char('\t')));
}

QString dedent(const QString& line) {
    if (line.startsWith(QLatin1String("    "))) return line.mid(4);
    const qsizetype tab = line.indexOf(QLatin1Char('\t'));
    return tab >= 0 && tab < 4 ? line.mid(tab + 1) : line;
}

// A paragraph holding a list item: four-space lines after it continue the item, they are not code.
bool holdsListItem(const QStringList& lines) {
    static const QRegularExpression item(QStringLiteral("^ {0,3}([-*+]|\\d{1,9}[.)])( |$)"));
    for (const QString& line : lines)
        if (item.match(line).hasMatch()) return true;
    return false;
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
    bool indented = false;    // inside an indented code block (its lines dedented in buffer)
    int blanksInIndented = 0; // blank lines that belong to it if more indented lines follow
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
            if (lastLine) break;
            pos = next;
            continue;
        }
        if (indented) {
            if (line.trimmed().isEmpty()) {
                ++blanksInIndented;
            } else if (isIndentedCode(line)) {
                for (; blanksInIndented > 0; --blanksInIndented)
                    buffer.append(QString());
                buffer.append(dedent(line));
            } else { // the block ends before this line, which starts the next block
                out.append({{MarkdownSegment::Kind::Code, buffer.join(QLatin1Char('\n')), {}, true}, pos});
                buffer.clear();
                indented = false;
                blanksInIndented = 0;
            }
            if (indented) {
                if (lastLine) break;
                pos = next;
                continue;
            }
        }
        if (const auto m = fencePattern().match(line); m.hasMatch()) {
            endProse(pos);
            fence = m.captured(1);
            language = m.captured(2);
        } else if (line.trimmed().isEmpty()) {
            blankAfter = !buffer.isEmpty();
        } else if (isIndentedCode(line) && (buffer.isEmpty() || (blankAfter && !holdsListItem(buffer)))) {
            endProse(pos);
            indented = true;
            buffer.append(dedent(line));
        } else {
            if (blankAfter && isIndentedCode(line)) { // a list item's next paragraph: the same block
                buffer.append(QString());
                blankAfter = false;
            }
            if (blankAfter) endProse(pos);
            buffer.append(line);
        }
        if (lastLine) break;
        pos = next;
    }
    if (!fence.isEmpty())
        out.append({{MarkdownSegment::Kind::Code, buffer.join(QLatin1Char('\n')), language, false},
                    markdown.size()});
    else if (indented)
        out.append(
            {{MarkdownSegment::Kind::Code, buffer.join(QLatin1Char('\n')), {}, true}, markdown.size()});
    else
        endProse(markdown.size());
    return out;
}

} // namespace sosoik::app
