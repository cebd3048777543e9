// PDF text through poppler, one page at a time (poppler parses pages lazily, so memory follows
// the page, not the file). Page numbers travel with the text for citations.
#include "documents/extractors.h"

#include <QFileInfo>
#include <algorithm>
#include <poppler/qt6/poppler-qt6.h>

namespace sosoik::documents::detail {
namespace {
using Kind = DocumentError::Kind;

void quietPopplerErrors() {
    // Poppler reports every recoverable quirk of real-world PDFs on stderr; a damaged file is
    // reported to the user through DocumentError instead.
    static const bool once = [] {
        Poppler::setDebugErrorFunction([](const QString&, const QVariant&) {}, QVariant());
        return true;
    }();
    Q_UNUSED(once);
}

struct Line {
    QString text;
    QRectF box;
};

// Scripts written without spaces between words (Hangul syllables are written with spaces, but a line
// may wrap inside a word, and Word, HWP and LibreOffice all wrap Korean by syllable by default).
bool joinsWithoutSpace(QChar c) {
    const char16_t u = c.unicode();
    return (u >= 0xAC00 && u <= 0xD7A3) || // Hangul syllables
           (u >= 0x3040 && u <= 0x30FF) || // kana
           (u >= 0x4E00 && u <= 0x9FFF);   // CJK ideographs
}

// The text layer in poppler's reading order, as lines: a line is a run of words poppler links with
// nextWord(), its words separated where poppler saw a space.
QList<Line> pageLines(Poppler::Page& page) {
    QList<Line> lines;
    const auto words = page.textList();
    Line line;
    for (size_t i = 0; i < words.size(); ++i) {
        const Poppler::TextBox& word = *words[i];
        line.text += word.text();
        line.box = line.box.isNull() ? word.boundingBox() : line.box.united(word.boundingBox());
        const bool lineGoesOn = i + 1 < words.size() && word.nextWord() == words[i + 1].get();
        if (lineGoesOn) {
            if (word.hasSpaceAfter()) line.text += QLatin1Char(' ');
            continue;
        }
        if (!line.text.trimmed().isEmpty()) lines << line;
        line = {};
    }
    return lines;
}

// Lines joined into paragraphs by layout. A new paragraph starts where the gap above a line is
// clearly more than the page's usual line pitch (paragraph spacing or a blank line) or where the
// text goes back up (a new column or text box). Wrapped lines join with a space, except inside a
// Korean/CJK word and after a hyphenated break.
QStringList pageParagraphs(const QList<Line>& lines) {
    QList<double> pitches;
    for (qsizetype i = 1; i < lines.size(); ++i)
        if (lines[i].box.top() > lines[i - 1].box.top())
            pitches << lines[i].box.top() - lines[i - 1].box.top();
    std::sort(pitches.begin(), pitches.end());
    const double usualPitch = pitches.isEmpty() ? 0 : pitches[pitches.size() / 2];

    QStringList paragraphs;
    QString current;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString text = lines[i].text.simplified();
        if (i > 0 && !current.isEmpty()) {
            const QRectF& above = lines[i - 1].box;
            const QRectF& here = lines[i].box;
            const double height = qMax(above.height(), here.height());
            const double gap = here.top() - above.bottom();
            const double pitch = here.top() - above.top();
            const bool newParagraph =
                pitch <= 0 || gap > 1.5 * height || (gap > 0.5 * height && pitch > 1.25 * usualPitch);
            if (newParagraph) {
                paragraphs << current;
                current.clear();
            } else {
                const QChar last = current.back(), next = text.front();
                const bool hyphenated =
                    last == u'-' && current.size() > 1 && current.at(current.size() - 2).isLetter();
                if (!hyphenated && !(joinsWithoutSpace(last) && joinsWithoutSpace(next)))
                    current += QLatin1Char(' ');
            }
        }
        current += text;
    }
    if (!current.isEmpty()) paragraphs << current;
    return paragraphs;
}
} // namespace

int extractPdf(const QString& path, BlockEmitter& out) {
    quietPopplerErrors();
    const QString fileName = QFileInfo(path).fileName();
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(path);
    if (!doc)
        throw DocumentError(Kind::Corrupt,
                            QObject::tr("%1 is damaged or not a PDF poppler can read.").arg(fileName));
    if (doc->isLocked())
        throw DocumentError(
            Kind::Encrypted,
            QObject::tr("%1 is password-protected; remove the password and try again.").arg(fileName));
    const int pages = doc->numPages();
    qint64 before = out.characters();
    for (int i = 0; i < pages; ++i) {
        out.checkCancel();
        std::unique_ptr<Poppler::Page> page = doc->page(i);
        if (!page) continue;
        for (const QString& paragraph : pageParagraphs(pageLines(*page))) {
            for (qsizetype from = 0; from < paragraph.size();) { // a hostile page may be one endless line
                qsizetype cut = qMin(kMaxBlockChars, paragraph.size() - from);
                if (from + cut < paragraph.size() && paragraph.at(from + cut - 1).isHighSurrogate()) --cut;
                out.emitBlock({paragraph.mid(from, cut), i + 1, QString(), from + cut == paragraph.size()});
                from += cut;
            }
        }
        out.progress(double(i + 1) / pages);
    }
    if (out.characters() == before)
        throw DocumentError(
            Kind::NoTextLayer,
            QObject::tr("%1 has no text layer (it looks like scanned images); run OCR on it first.")
                .arg(fileName));
    return pages;
}

} // namespace sosoik::documents::detail
