// Issue #21: PDF text joined by layout. A Korean word wrapped across two lines comes back whole (no
// space inserted between its syllables), English lines join with a space, a hyphenated break joins
// without one, and a vertical gap keeps paragraphs apart. The PDF is drawn here with QPdfWriter and
// the Noto CJK font (fonts-noto-cjk), one line per drawText, as a word processor lays out wrapped text.
#include "documents/document_fixtures.h"

#include <QFontDatabase>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>

using namespace sosoik::documents;
using namespace sosoik::documents::fixtures;

namespace {
QString cjkFontFamily() {
    for (const QString& family : QFontDatabase::families())
        if (family.contains(QLatin1String("Noto Sans CJK KR"))) return family;
    for (const QString& family : QFontDatabase::families())
        if (family.contains(QLatin1String("CJK"))) return family;
    return {};
}
} // namespace

class TestPdfLayout : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void koreanLinesJoinInsideWordsAndParagraphsStay() {
        const QString family = cjkFontFamily();
        if (family.isEmpty()) QSKIP("no Noto CJK font installed (fonts-noto-cjk)");
        const QString file = dir.filePath("wrapped.pdf");
        {
            QPdfWriter writer(file);
            writer.setResolution(72);
            QPainter painter(&writer);
            const QFont korean(family, 12);
            // Lines 18 pt apart (1.5 × the font size); paragraphs 40 pt apart.
            const auto lines = [&](int top, const QStringList& texts) {
                for (int i = 0; i < texts.size(); ++i)
                    painter.drawText(40, top + 18 * i, texts[i]);
            };
            painter.setFont(korean);
            lines(60, {QStringLiteral("대한민국의 수도는 서"), QStringLiteral("울특별시이며 인구는 약 구"),
                       QStringLiteral("백오십만 명이다.")});
            lines(150, {QStringLiteral("둘째 문단은 새 문단으"), QStringLiteral("로 남아야 한다.")});
            painter.setFont(QFontDatabase::systemFont(QFontDatabase::GeneralFont));
            lines(240, {QStringLiteral("English lines wrap at"), QStringLiteral("spaces and hyphen-"),
                        QStringLiteral("ated words join.")});
        }
        const auto e = extract(file);
        QCOMPARE(e.info.format, QStringLiteral("pdf"));
        QCOMPARE(e.texts(),
                 QStringList({QStringLiteral("대한민국의 수도는 서울특별시이며 인구는 약 구백오십만 명이다."),
                              QStringLiteral("둘째 문단은 새 문단으로 남아야 한다."),
                              QStringLiteral("English lines wrap at spaces and hyphen-ated words join.")}));
        QCOMPARE(e.blocks[0].page, 1);
    }

    void progressFollowsPages() {
        const QString file = dir.filePath("pages.pdf");
        {
            QPdfWriter writer(file);
            QPainter painter(&writer);
            for (int page = 1; page <= 5; ++page) {
                if (page > 1) writer.newPage();
                painter.drawText(200, 400, QStringLiteral("Page %1").arg(page));
            }
        }
        const auto e = extract(file);
        QCOMPARE(e.info.pages, 5);
        QCOMPARE(e.blocks.size(), 5);
        QCOMPARE(e.progress, QList<double>({0.2, 0.4, 0.6, 0.8, 1.0, 1.0}));
    }
};

QTEST_MAIN(TestPdfLayout)
#include "tst_pdf_layout.moc"
