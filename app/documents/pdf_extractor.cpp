// PDF text through poppler, one page at a time (poppler parses pages lazily, so memory follows
// the page, not the file). Page numbers travel with the text for citations.
#include "documents/extractors.h"

#include <QFileInfo>
#include <QRegularExpression>
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

const QRegularExpression kParagraphGap(QStringLiteral("\\n\\s*\\n"));
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
        const QString text = page->text(QRectF());
        // Lines of a page are wrapped prose; blank lines (when poppler keeps them) separate paragraphs.
        for (const QString& paragraph : text.split(kParagraphGap, Qt::SkipEmptyParts)) {
            QString joined = paragraph;
            joined.replace(QLatin1Char('\n'), QLatin1Char(' '));
            out.emitBlock({joined.simplified(), i + 1, QString(), true});
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
