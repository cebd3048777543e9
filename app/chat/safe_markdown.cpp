#include "chat/safe_markdown.h"

#include <QStringList>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

namespace sosoik::app {
namespace {

bool isAsciiLetter(QChar c) {
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

// Length of a CommonMark autolink starting at text[i] == '<' (`<scheme:...>` or `<user@host>`), else 0.
qsizetype autolinkLength(const QString& text, qsizetype i) {
    qsizetype j = i + 1;
    bool sawColon = false, sawAt = false;
    qsizetype schemeLength = 0;
    for (; j < text.size(); ++j) {
        const QChar c = text[j];
        if (c == QLatin1Char('>')) break;
        if (c.isSpace() || c == QLatin1Char('<') || c == QLatin1Char('"') || c == QLatin1Char('\'') ||
            c.unicode() < 0x20)
            return 0;
        if (c == QLatin1Char(':') && !sawColon) {
            sawColon = true;
            schemeLength = j - i - 1;
        }
        if (c == QLatin1Char('@')) sawAt = true;
    }
    if (j >= text.size()) return 0;
    if (sawColon && schemeLength >= 2 && schemeLength <= 32 && isAsciiLetter(text[i + 1])) return j - i + 1;
    if (sawAt && !sawColon) return j - i + 1;
    return 0;
}

qsizetype runLength(const QString& text, qsizetype i, QChar mark) {
    qsizetype n = 0;
    while (i + n < text.size() && text[i + n] == mark)
        ++n;
    return n;
}

// Rewrites one line of prose. keepCodeSpans: a backtick run closed by a run of the same length on the
// same line is an inline code span, copied as written; otherwise `<` and `![` are escaped everywhere.
QString safeLine(const QString& line, bool keepCodeSpans) {
    QString out;
    out.reserve(line.size() + 8);
    qsizetype i = 0;
    while (i < line.size()) {
        const QChar c = line[i];
        if (c == QLatin1Char('`')) {
            const qsizetype run = runLength(line, i, c);
            qsizetype close = -1;
            for (qsizetype j = i + run; keepCodeSpans && j < line.size();) {
                if (line[j] != c) {
                    ++j;
                    continue;
                }
                const qsizetype other = runLength(line, j, c);
                if (other == run) {
                    close = j;
                    break;
                }
                j += other;
            }
            const qsizetype end = close >= 0 ? close + run : i + run;
            out += line.mid(i, end - i);
            i = end;
            continue;
        }
        if (c == QLatin1Char('\\') && i + 1 < line.size()) { // an escape stays an escape
            out += line.mid(i, 2);
            i += 2;
            continue;
        }
        if (c == QLatin1Char('!') && i + 1 < line.size() && line[i + 1] == QLatin1Char('[')) {
            out += QLatin1String("\\!"); // "![alt](url)" -> "!" + the link "alt"
            ++i;
            continue;
        }
        if (c == QLatin1Char('<')) {
            if (const qsizetype n = autolinkLength(line, i)) {
                out += line.mid(i, n);
                i += n;
                continue;
            }
            out += QLatin1String("\\<"); // raw HTML is shown, never interpreted
            ++i;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

// A CommonMark fence opener: up to three spaces, then 3+ backticks or tildes. Returns the fence.
QString fenceOf(const QString& line) {
    qsizetype i = 0;
    while (i < line.size() && i < 3 && line[i] == QLatin1Char(' '))
        ++i;
    if (i >= line.size() || (line[i] != QLatin1Char('`') && line[i] != QLatin1Char('~'))) return {};
    const QChar mark = line[i];
    const qsizetype n = runLength(line, i, mark);
    if (n < 3) return {};
    if (mark == QLatin1Char('`') && line.indexOf(QLatin1Char('`'), i + n) >= 0) return {};
    return QString(n, mark);
}

bool closesFence(const QString& line, const QString& fence) {
    const QString trimmed = line.trimmed();
    if (trimmed.size() < fence.size()) return false;
    for (const QChar c : trimmed)
        if (c != fence[0]) return false;
    return true;
}

QString rewrite(const QString& markdown, bool keepCode) {
    const QStringList lines = markdown.split(QLatin1Char('\n'));
    QStringList out;
    out.reserve(lines.size());
    QString fence; // non-empty inside a fenced code block
    for (const QString& line : lines) {
        if (keepCode && !fence.isEmpty()) {
            out << line;
            if (closesFence(line, fence)) fence.clear();
            continue;
        }
        if (keepCode) {
            fence = fenceOf(line);
            if (!fence.isEmpty()) {
                out << line;
                continue;
            }
        }
        out << safeLine(line, keepCode);
    }
    return out.join(QLatin1Char('\n'));
}

// Every ASCII punctuation character escaped: Markdown shows it as plain text.
QString plainText(const QString& text) {
    QString out;
    out.reserve(text.size() * 2);
    for (const QChar c : text) {
        if (c.unicode() < 128 && c.isPunct() || c == QLatin1Char('`') || c == QLatin1Char('<') ||
            c == QLatin1Char('>') || c == QLatin1Char('^') || c == QLatin1Char('|') ||
            c == QLatin1Char('~') || c == QLatin1Char('$') || c == QLatin1Char('+') || c == QLatin1Char('='))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

// Records what the parser asks for instead of loading it.
class ProbeDocument : public QTextDocument {
public:
    bool asked = false;

protected:
    QVariant loadResource(int, const QUrl&) override {
        asked = true;
        return {};
    }
};

bool formatReferences(const QTextFormat& format) {
    return format.isImageFormat() || format.hasProperty(QTextFormat::BackgroundImageUrl);
}

bool frameReferences(QTextFrame* frame) {
    if (formatReferences(frame->frameFormat())) return true;
    for (auto it = frame->begin(); !it.atEnd(); ++it) {
        if (QTextFrame* child = it.currentFrame()) {
            if (frameReferences(child)) return true;
            continue;
        }
        const QTextBlock block = it.currentBlock();
        if (formatReferences(block.blockFormat()) || formatReferences(block.charFormat())) return true;
        for (auto f = block.begin(); !f.atEnd(); ++f)
            if (formatReferences(f.fragment().charFormat())) return true;
    }
    if (auto* table = qobject_cast<QTextTable*>(frame)) {
        for (int r = 0; r < table->rows(); ++r)
            for (int c = 0; c < table->columns(); ++c)
                if (formatReferences(table->cellAt(r, c).format())) return true;
    }
    return false;
}

} // namespace

bool markdownReferencesResources(const QString& markdown) {
    ProbeDocument document;
    document.setMarkdown(markdown);
    return document.asked || frameReferences(document.rootFrame());
}

QString safeMarkdown(const QString& markdown) {
    QString text = rewrite(markdown, true);
    if (!markdownReferencesResources(text)) return text;
    text = rewrite(markdown, false);
    if (!markdownReferencesResources(text)) return text;
    return plainText(markdown);
}

} // namespace sosoik::app
