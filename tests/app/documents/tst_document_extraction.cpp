// Extraction of every supported format from fixtures built here (PDF via QPdfWriter with a CJK
// font, docx/hwpx zipped with libzip, HTML, CP949 and UTF-16 text), plus every bad-input path.
#include "document_fixtures.h"
#include "documents/document_extractor.h"

#include <QCryptographicHash>
#include <QFontDatabase>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>
#include <iconv.h>
#include <sys/resource.h>
#include <zip.h>

using namespace sosoik::documents;
using namespace sosoik::documents::fixtures; // extract, writeFile, writeZip

namespace {

DocumentError::Kind failureKind(const QString& path, ExtractOptions options = {}) {
    try {
        extract(path, options);
    } catch (const DocumentError& e) {
        if (e.message().isEmpty()) qFatal("empty error message");
        return e.kind();
    }
    qFatal("extraction of %s did not fail", qPrintable(path));
}

QByteArray toCp949(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    iconv_t cd = iconv_open("CP949", "UTF-8");
    char* in = const_cast<char*>(utf8.data());
    size_t inLeft = utf8.size();
    QByteArray out(utf8.size() * 2, '\0');
    char* o = out.data();
    size_t outLeft = out.size();
    iconv(cd, &in, &inLeft, &o, &outLeft);
    iconv_close(cd);
    out.truncate(out.size() - qsizetype(outLeft));
    return out;
}

QString cjkFontFamily() {
    for (const QString& family : QFontDatabase::families())
        if (family.contains(QLatin1String("Noto Sans CJK KR"))) return family;
    for (const QString& family : QFontDatabase::families())
        if (family.contains(QLatin1String("CJK"))) return family;
    return {};
}

QByteArray rc4(const QByteArray& key, const QByteArray& data) {
    unsigned char S[256];
    for (int i = 0; i < 256; ++i)
        S[i] = static_cast<unsigned char>(i);
    for (int i = 0, j = 0; i < 256; ++i) {
        j = (j + S[i] + static_cast<unsigned char>(key[i % key.size()])) & 255;
        std::swap(S[i], S[j]);
    }
    QByteArray out = data;
    for (int n = 0, i = 0, j = 0; n < out.size(); ++n) {
        i = (i + 1) & 255;
        j = (j + S[i]) & 255;
        std::swap(S[i], S[j]);
        out[n] = char(out[n] ^ S[(S[i] + S[j]) & 255]);
    }
    return out;
}

// A one-page PDF protected by the standard security handler (revision 2, 40-bit RC4) with the
// user password "secret", so it cannot be opened without it (PDF 1.7 spec, algorithms 2–4).
QByteArray encryptedPdf() {
    const QByteArray pad =
        QByteArray::fromHex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A");
    auto padded = [&](const QByteArray& pw) { return (pw + pad).left(32); };
    const QByteArray ownerKey = QCryptographicHash::hash(padded("owner"), QCryptographicHash::Md5).left(5);
    const QByteArray O = rc4(ownerKey, padded("secret"));
    const QByteArray id = QByteArray::fromHex("0123456789ABCDEF0123456789ABCDEF");
    const qint32 permissions = -4;
    QByteArray p(4, '\0');
    for (int i = 0; i < 4; ++i)
        p[i] = char((permissions >> (8 * i)) & 0xFF);
    const QByteArray key =
        QCryptographicHash::hash(padded("secret") + O + p + id, QCryptographicHash::Md5).left(5);
    const QByteArray U = rc4(key, pad);
    QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        "<< /Filter /Standard /V 1 /R 2 /O <" + O.toHex() + "> /U <" + U.toHex() + "> /P -4 >>"};
    QByteArray pdf = "%PDF-1.4\n";
    QList<int> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << int(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const int xref = int(pdf.size());
    pdf += "xref\n0 5\n0000000000 65535 f \n";
    for (int off : offsets)
        pdf += QByteArray::number(off).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<" + id.toHex() + "><" + id.toHex() +
           ">] >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

long maxRssKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

class TestDocumentExtraction : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString path(const QString& name) const { return dir.filePath(name); }

private slots:
    void utf8TextKeepsParagraphsAndMarkdownSections() {
        writeFile(path("notes.md"),
                  "# 개요\n\n첫 문단입니다.\n둘째 줄.\n\n\n## Details\nSecond paragraph.\n");
        const auto e = extract(path("notes.md"));
        QCOMPARE(e.info.format, QStringLiteral("text"));
        QCOMPARE(e.info.encoding, QStringLiteral("UTF-8"));
        QCOMPARE(e.blocks.size(), 3);
        QCOMPARE(e.blocks[1].text, QStringLiteral("첫 문단입니다.\n둘째 줄."));
        QCOMPARE(e.blocks[1].section, QStringLiteral("개요"));
        QCOMPARE(e.blocks[2].section, QStringLiteral("Details"));
    }

    void cp949TextIsDetected() {
        const QString korean =
            QStringLiteral("대한민국의 수도는 서울이다. 인구는 약 950만 명이다.\n\n둘째 문단이다.");
        const QByteArray bytes = toCp949(korean);
        QVERIFY(bytes.size() > 0 && bytes != korean.toUtf8());
        writeFile(path("legacy.txt"), bytes);
        const auto e = extract(path("legacy.txt"));
        QCOMPARE(e.info.encoding, QStringLiteral("CP949"));
        QCOMPARE(e.all(),
                 QStringLiteral("대한민국의 수도는 서울이다. 인구는 약 950만 명이다.\n둘째 문단이다."));
    }

    void cp949SurvivesChunkBoundaries() {
        // 300 KB of two-byte characters: the reader's 256 KB reads split a character somewhere.
        QString text;
        for (int i = 0; i < 30000; ++i)
            text += QStringLiteral("가나다라마 ");
        writeFile(path("big949.txt"), QByteArray("x") + toCp949(text));
        const auto e = extract(path("big949.txt"));
        QCOMPARE(e.info.encoding, QStringLiteral("CP949"));
        QString joined;
        for (const auto& b : e.blocks)
            joined += b.text;
        QCOMPARE(joined.trimmed(), (QStringLiteral("x") + text).trimmed());
        QVERIFY(!joined.contains(QChar(0xFFFD)));
    }

    void utf16WithBom() {
        const QString text = QStringLiteral("UTF-16 문서입니다.\n\nSecond.");
        QByteArray le("\xFF\xFE", 2), be("\xFE\xFF", 2);
        for (QChar c : text) {
            le.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
            be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xFF));
        }
        writeFile(path("le.txt"), le);
        writeFile(path("be.txt"), be);
        const auto l = extract(path("le.txt"));
        const auto b = extract(path("be.txt"));
        QCOMPARE(l.info.encoding, QStringLiteral("UTF-16LE"));
        QCOMPARE(b.info.encoding, QStringLiteral("UTF-16BE"));
        QCOMPARE(l.all(), QStringLiteral("UTF-16 문서입니다.\nSecond."));
        QCOMPARE(b.all(), l.all());
    }

    void htmlShowsOnlyVisibleText() {
        writeFile(path("page.html"),
                  "<!DOCTYPE html><html><head><title>보고서</title><style>p{color:red}</style>"
                  "<script>var secret = '<p>hidden</p>';</script></head><body>"
                  "<!-- a comment <p>not shown</p> -->"
                  "<h1>Results &amp; Plans</h1><p>Sales rose&nbsp;12%\n   in   Q3.</p>"
                  "<table><tr><td>A</td><td>1</td></tr></table><SCRIPT type='x'>alert(1)</SCRIPT>"
                  "<p>마지막 &#xAC00;&#44033; 문단</p></body></html>");
        const auto e = extract(path("page.html"));
        QCOMPARE(e.info.format, QStringLiteral("html"));
        const QString all = e.all();
        QVERIFY2(!all.contains("secret") && !all.contains("hidden") && !all.contains("color") &&
                     !all.contains("comment") && !all.contains("alert"),
                 qPrintable(all));
        QVERIFY2(all.contains("Sales rose 12% in Q3."), qPrintable(all));
        QVERIFY(all.contains("보고서"));
        QVERIFY(all.contains("A | 1 |"));
        QVERIFY(all.contains("마지막 가각 문단"));
        QCOMPARE(e.blocks.last().section, QStringLiteral("Results & Plans"));
    }

    void docxParagraphsTablesAndHeadings() {
        const QByteArray body =
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>"
            "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>"
            "<w:p><w:pPr><w:pStyle w:val='Heading1'/></w:pPr><w:r><w:t>계약 조건</w:t></w:r></w:p>"
            "<w:p><w:r><w:t xml:space='preserve'>The term is </w:t></w:r><w:r><w:t>24 "
            "months.</w:t></w:r></w:p>"
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>항목</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>금액</w:t></"
            "w:r></w:p></w:tc></w:tr>"
            "<w:tr><w:tc><w:p><w:r><w:t>Fee</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1,000</w:t></w:r></"
            "w:p></w:tc></w:tr></w:tbl>"
            "<w:p><w:r><w:t>After</w:t><w:tab/><w:t>table.</w:t></w:r></w:p>"
            "</w:body></w:document>";
        writeZip(path("contract.docx"), {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", body}});
        const auto e = extract(path("contract.docx"));
        QCOMPARE(e.info.format, QStringLiteral("docx"));
        QStringList texts;
        for (const auto& b : e.blocks)
            texts << b.text;
        QCOMPARE(texts, QStringList({"계약 조건", "The term is 24 months.", "항목 | 금액", "Fee | 1,000",
                                     "After\ttable."}));
        QCOMPARE(e.blocks[1].section, QStringLiteral("계약 조건"));
    }

    void hwpxSections() {
        const QByteArray section =
            "<?xml version='1.0' encoding='UTF-8'?><hs:sec xmlns:hs='urn:hs' xmlns:hp='urn:hp'>"
            "<hp:p><hp:run><hp:t>한글 문서의 첫 문단이다.</hp:t></hp:run></hp:p>"
            "<hp:p><hp:run><hp:tbl><hp:tr><hp:tc><hp:subList><hp:p><hp:run><hp:t>가</hp:t></hp:run></hp:p></"
            "hp:subList></hp:tc>"
            "<hp:tc><hp:subList><hp:p><hp:run><hp:t>나</hp:t></hp:run></hp:p></hp:subList></hp:tc></hp:tr></"
            "hp:tbl></hp:run></hp:p>"
            "</hs:sec>";
        writeZip(path("report.hwpx"), {{"mimetype", "application/hwp+zip"},
                                       {"Contents/section0.xml", section},
                                       {"Contents/section1.xml",
                                        "<s xmlns:hp='urn:hp'><hp:p><hp:t>둘째 구역.</hp:t></hp:p></s>"}});
        const auto e = extract(path("report.hwpx"));
        QCOMPARE(e.info.format, QStringLiteral("hwpx"));
        QCOMPARE(e.all(), QStringLiteral("한글 문서의 첫 문단이다.\n가 | 나\n둘째 구역."));
    }

    void pdfPagesWithKoreanAndDigits() {
        const QString family = cjkFontFamily();
        if (family.isEmpty()) QSKIP("no Noto CJK font installed (fonts-noto-cjk)");
        {
            QPdfWriter writer(path("paper.pdf"));
            writer.setResolution(72);
            QPainter painter(&writer);
            painter.setFont(QFont(family, 14));
            for (int page = 1; page <= 3; ++page) {
                if (page > 1) writer.newPage();
                painter.drawText(40, 60,
                                 QStringLiteral("제%1장 결과: 매출 %2억 원").arg(page).arg(page * 1234));
                // Qt's PDF writer loses the ToUnicode entry of digits set in Latin text with the CJK
                // font, so the English line uses the general font.
                painter.setFont(QFontDatabase::systemFont(QFontDatabase::GeneralFont));
                painter.drawText(40, 90, QStringLiteral("Page %1 of the report.").arg(page));
                painter.setFont(QFont(family, 14));
            }
        }
        const auto e = extract(path("paper.pdf"));
        QCOMPARE(e.info.format, QStringLiteral("pdf"));
        QCOMPARE(e.info.pages, 3);
        for (int page = 1; page <= 3; ++page) {
            QString pageText;
            for (const auto& b : e.blocks)
                if (b.page == page) pageText += b.text;
            QVERIFY2(pageText.contains(QStringLiteral("제%1장").arg(page)), qPrintable(pageText));
            QVERIFY2(pageText.contains(QString::number(page * 1234)), qPrintable(pageText));
            QVERIFY2(pageText.contains(QStringLiteral("Page %1 of the report.").arg(page)),
                     qPrintable(pageText));
        }
    }

    void leadingTextStopsEarly() {
        QString text;
        for (int i = 0; i < 2000; ++i)
            text += QStringLiteral("문단 %1입니다.\n\n").arg(i);
        writeFile(path("lead.txt"), toCp949(text));
        QString error;
        const QString lead = extractLeadingText(path("lead.txt"), 100, &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(lead.size(), 100);
        QVERIFY(lead.startsWith(QStringLiteral("문단 0입니다.\n\n문단 1입니다.")));
        writeFile(path("lead-empty.txt"), "");
        QVERIFY(extractLeadingText(path("lead-empty.txt"), 100, &error).isEmpty());
        QVERIFY(error.contains("empty"));
    }

    void encryptedPdfAsksForThePassword() {
        writeFile(path("locked.pdf"), encryptedPdf());
        QCOMPARE(failureKind(path("locked.pdf")), DocumentError::Kind::Encrypted);
    }

    void imageOnlyPdfHasNoTextLayer() {
        {
            QPdfWriter writer(path("scan.pdf"));
            QPainter painter(&writer);
            painter.fillRect(QRect(100, 100, 2000, 1000), Qt::black);
        }
        QCOMPARE(failureKind(path("scan.pdf")), DocumentError::Kind::NoTextLayer);
    }

    void badInputGetsAClearError() {
        writeFile(path("empty.txt"), "");
        writeFile(path("blank.txt"), "  \n\n \t\n");
        writeFile(path("tool.txt"), QByteArray("\x7F"
                                               "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
                                               20)
                                        .repeated(50));
        writeFile(path("photo.png"), "\x89PNG\r\n\x1A\n");
        writeFile(path("broken.pdf"), "%PDF-1.7\nthis is not really a pdf");
        writeFile(path("locked.docx"),
                  QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(512, 'x'));
        writeFile(path("broken.docx"), "PK\x03\x04 truncated");
        writeZip(path("archive.zip"), {{"a.txt", "hello"}});
        writeFile(path("big.txt"), QByteArray(2048, 'a'));
        QCOMPARE(failureKind(path("empty.txt")), DocumentError::Kind::Empty);
        QCOMPARE(failureKind(path("blank.txt")), DocumentError::Kind::Empty);
        QCOMPARE(failureKind(path("tool.txt")), DocumentError::Kind::Binary);
        QCOMPARE(failureKind(path("photo.png")), DocumentError::Kind::Unsupported);
        const auto pdfKind = failureKind(path("broken.pdf"));
        QVERIFY(pdfKind == DocumentError::Kind::Corrupt || pdfKind == DocumentError::Kind::NoTextLayer);
        QCOMPARE(failureKind(path("locked.docx")), DocumentError::Kind::Encrypted);
        QCOMPARE(failureKind(path("broken.docx")), DocumentError::Kind::Corrupt);
        QCOMPARE(failureKind(path("archive.zip")), DocumentError::Kind::Unsupported);
        QCOMPARE(failureKind(path("missing.txt")), DocumentError::Kind::NotFound);
        ExtractOptions small;
        small.maxFileBytes = 1024;
        QCOMPARE(failureKind(path("big.txt"), small), DocumentError::Kind::TooLarge);
        std::atomic<bool> cancel{true};
        ExtractOptions cancelled;
        cancelled.cancel = &cancel;
        QCOMPARE(failureKind(path("big.txt"), cancelled), DocumentError::Kind::Cancelled);
    }

    void hugeTextFileStreamsInBoundedMemory() {
        // 200 MB of prose: loading it whole would cost ≥ 600 MB (bytes + UTF-16); streaming stays small.
        const QString file = path("huge.txt");
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const QByteArray paragraph =
                QByteArray("The quick brown fox jumps over the lazy dog. 다람쥐 헌 쳇바퀴에 타고파. ")
                    .repeated(40) +
                "\n\n";
            const qint64 target = 200ll << 20;
            while (f.size() < target)
                f.write(paragraph.repeated(64));
        }
        const long before = maxRssKiB();
        qint64 chars = 0, blocks = 0;
        double lastProgress = 0;
        ExtractOptions options;
        options.progress = [&](double p) { lastProgress = p; };
        options.maxTextChars = 1ll << 40; // this is about memory; the text limit has its own test
        extractDocument(
            file,
            [&](const TextBlock& b) {
                chars += b.text.size();
                ++blocks;
                return true;
            },
            options);
        const long grownMiB = (maxRssKiB() - before) / 1024;
        qInfo("streamed %lld characters in %lld blocks; peak memory grew by %ld MiB", chars, blocks,
              grownMiB);
        QFile::remove(file);
        QVERIFY(chars > 150000000);
        QVERIFY(blocks > 10000);
        QCOMPARE(lastProgress, 1.0);
        QVERIFY2(grownMiB < 64, qPrintable(QStringLiteral("peak memory grew by %1 MiB").arg(grownMiB)));
    }
};

QTEST_MAIN(TestDocumentExtraction)
#include "tst_document_extraction.moc"
