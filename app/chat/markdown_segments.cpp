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

QVariantList segmentsForQml(const QString& markdown) {
    QVariantList list;
    for (const auto& s : splitMarkdown(markdown)) {
        QVariantMap m;
        m.insert(QStringLiteral("kind"),
                 s.kind == MarkdownSegment::Kind::Code ? QStringLiteral("code") : QStringLiteral("prose"));
        // Prose is untrusted Markdown (model output, document text): nothing in it may be fetched.
        m.insert(QStringLiteral("text"),
                 s.kind == MarkdownSegment::Kind::Prose ? safeMarkdown(s.text) : s.text);
        m.insert(QStringLiteral("language"), s.language);
        m.insert(QStringLiteral("closed"), s.closed);
        list.append(m);
    }
    return list;
}

} // namespace sosoik::app
