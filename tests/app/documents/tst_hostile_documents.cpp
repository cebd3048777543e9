// Issue #19 items 4, 5, 7 and 9 on the document path: zip bombs (a part that inflates past the limit,
// declared or not), one giant text run / table cell / run of whitespace, endless nesting and a bomb of
// ordinary paragraphs all end in a clear error naming the limit, with memory bounded; HTML is linear
// in its size; a cancel request is honoured inside every reading loop; a named pipe is refused; Korean
// UTF-16LE without a BOM is text.
#include "documents/document_extractor.h"
#include "documents/text_decoder.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <limits>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>
#include <zip.h>

using namespace sosoik::documents;

namespace {

struct Outcome {
    qint64 characters = 0;
    qsizetype largestBlock = 0;
    int blocks = 0;
    DocumentError::Kind kind = DocumentError::Kind::NotFound;
    QString error; // empty: success
    QString head;  // the first few thousand characters
    qint64 ms = 0;
};

Outcome run(const QString& path, const ExtractOptions& options = {}) {
    Outcome o;
    QElapsedTimer timer;
    timer.start();
    try {
        extractDocument(
            path,
            [&](const TextBlock& b) {
                o.characters += b.text.size();
                o.largestBlock = qMax(o.largestBlock, b.text.size());
                ++o.blocks;
                if (o.head.size() < 4096) o.head += b.text + QLatin1Char('\n');
                return true;
            },
            options);
    } catch (const DocumentError& e) {
        o.kind = e.kind();
        o.error = e.message();
    }
    o.ms = timer.elapsed();
    return o;
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

void writeZip(const QString& path, const QList<QPair<QString, QByteArray>>& entries) {
    int error = 0;
    zip_t* z = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    QVERIFY(z);
    for (const auto& [name, data] : entries) {
        zip_source_t* src = zip_source_buffer(z, data.constData(), zip_uint64_t(data.size()), 0);
        const zip_int64_t index = zip_file_add(z, name.toUtf8().constData(), src, ZIP_FL_ENC_UTF_8);
        QVERIFY(index >= 0);
        zip_set_file_compression(z, zip_uint64_t(index), ZIP_CM_DEFLATE, 1);
    }
    QCOMPARE(zip_close(z), 0); // reads the buffers: they outlive this call
}

QByteArray docx(const QByteArray& body) {
    return "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
           "2006/main\"><w:body>" +
           body + "</w:body></w:document>";
}

QByteArray repeated(const QByteArray& piece, qint64 bytes) {
    QByteArray out;
    out.reserve(bytes + piece.size());
    while (out.size() < bytes)
        out += piece;
    return out;
}

long maxRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace

class TestHostileDocuments : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString path(const QString& name) const { return dir.filePath(name); }

private slots:
    void aPartInflatingPastTheLimitIsRefusedNamingIt() {
        // 40 MB of whitespace in one <w:t> (the 3 GB bomb, scaled to the test's lowered limit).
        const QByteArray body =
            "<w:p><w:r><w:t xml:space=\"preserve\">" + repeated(" ", 40 << 20) + "</w:t></w:r></w:p>";
        writeZip(path("bomb.docx"), {{"word/document.xml", docx(body)}});
        QVERIFY(QFileInfo(path("bomb.docx")).size() < (1 << 20));
        ExtractOptions limits;
        limits.maxEntryBytes = 16 << 20;
        const Outcome o = run(path("bomb.docx"), limits);
        QCOMPARE(o.kind, DocumentError::Kind::TooLarge);
        QVERIFY2(o.error.contains("16 MB") && o.error.contains("word/document.xml"), qPrintable(o.error));
        // The declared size is checked before anything is inflated.
        QVERIFY2(o.ms < 1000, qPrintable(QString::number(o.ms)));
        limits.maxArchiveBytes = 8 << 20;
        limits.maxEntryBytes = 64 << 20;
        const Outcome archive = run(path("bomb.docx"), limits);
        QVERIFY2(archive.error.contains("8 MB"), qPrintable(archive.error));
    }

    void giantTextRunsCellsAndWhitespaceStayBounded() {
        const long before = maxRssMiB();
        const QByteArray text = repeated("가나다라 abcdefg ", 24 << 20);
        const QByteArray spaces = repeated("    ", 24 << 20);
        writeZip(
            path("giant.docx"),
            {{"word/document.xml",
              docx("<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">" +
                   spaces + "</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>" + text +
                   "</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>short cell</w:t></w:r></w:p></w:tc>"
                   "</w:tr></w:tbl>")}});
        const Outcome o = run(path("giant.docx"));
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        // The giant run arrives in pieces; the cell is cut; whitespace is not kept.
        QVERIFY2(o.largestBlock <= 64 * 1024 + 64,
                 qPrintable(QString::number(o.largestBlock))); // + " | cell"
        QVERIFY(o.characters > (10 << 20) && o.characters < (20 << 20));
        qInfo("giant run/cell/whitespace (%lld MB XML): %lld ms, peak RSS %ld MiB (before %ld)",
              qint64(text.size() * 2 + spaces.size()) >> 20, o.ms, maxRssMiB(), before);
    }

    void endlessNestingIsRefused() {
        const int depth = 2'000'000;
        QByteArray xml = repeated("<w:p>", qint64(depth) * 5) + "x";
        writeZip(path("deep.docx"), {{"word/document.xml", docx(xml)}});
        const Outcome o = run(path("deep.docx"));
        QCOMPARE(o.kind, DocumentError::Kind::Corrupt);
        QVERIFY2(o.error.contains("256 levels"), qPrintable(o.error));
        QVERIFY(o.ms < 2000);
    }

    void aBombOfOrdinaryParagraphsHitsTheTextLimit() {
        QByteArray body = repeated(
            "<w:p><w:r><w:t>The quick brown fox jumps over the lazy dog.</w:t></w:r></w:p>", 20 << 20);
        writeZip(path("paragraphs.docx"), {{"word/document.xml", docx(body)}});
        QCOMPARE(ExtractOptions{}.maxTextChars, 50'000'000); // the default: 50 million characters
        ExtractOptions limits;
        limits.maxTextChars = 2'000'000;
        const Outcome o = run(path("paragraphs.docx"), limits);
        QCOMPARE(o.kind, DocumentError::Kind::TooLarge);
        QVERIFY2(o.error.contains("2 million characters"), qPrintable(o.error));
        QVERIFY(o.characters <= 2'000'000);
        // The same for HWPX sections.
        writeZip(path("paragraphs.hwpx"),
                 {{"Contents/section0.xml",
                   "<hs:sec xmlns:hs=\"h\" xmlns:hp=\"p\">" +
                       repeated("<hp:p><hp:run><hp:t>가나다라마바사</hp:t></hp:run></hp:p>", 20 << 20) +
                       "</hs:sec>"}});
        const Outcome hwpx = run(path("paragraphs.hwpx"), limits);
        QVERIFY2(hwpx.error.contains("2 million characters"), qPrintable(hwpx.error));
    }

    // Item 5: `<a ` then N quote characters took 1 s at 128 KB, 12 s at 512 KB.
    void htmlIsLinearInItsSize() {
        writeFile(path("quotes.html"), "<p>before</p><a " + repeated("\"", 4 << 20) + "><p>after</p>");
        const Outcome o = run(path("quotes.html"));
        QVERIFY2(o.ms < 3000, qPrintable(QString::number(o.ms)));
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        writeFile(path("equals-quotes.html"),
                  "<p>before</p><a href=" + repeated("\"'", 2 << 20) + "><p>after</p>");
        QVERIFY(run(path("equals-quotes.html")).ms < 3000);
        qInfo("4 MB of quotes in one tag: %lld ms", o.ms);
    }

    void cancelIsHonouredInsideReading_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("text") << "cancel.txt";
        QTest::newRow("html") << "cancel.html";
        QTest::newRow("docx") << "cancel.docx";
    }
    void cancelIsHonouredInsideReading() {
        QFETCH(QString, file);
        if (!QFile::exists(path(file))) {
            const QByteArray paragraph = repeated("word ", 4000) + "\n\n";
            if (file.endsWith("txt")) writeFile(path(file), repeated(paragraph, 200 << 20));
            if (file.endsWith("html")) writeFile(path(file), repeated("<p>" + paragraph + "</p>", 200 << 20));
            if (file.endsWith("docx"))
                writeZip(path(file),
                         {{"word/document.xml",
                           docx(repeated("<w:p><w:r><w:t>" + paragraph + "</w:t></w:r></w:p>", 120 << 20))}});
        }
        std::atomic<bool> cancel{false};
        ExtractOptions options;
        options.cancel = &cancel;
        // This test is about cancelling: on a quiet machine 300 ms read past the 50M-character limit.
        options.maxTextChars = std::numeric_limits<qint64>::max();
        QElapsedTimer sinceCancel;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            sinceCancel.start();
            cancel.store(true);
        });
        const Outcome o = run(path(file), options);
        canceller.join();
        QCOMPARE(o.kind, DocumentError::Kind::Cancelled);
        QVERIFY2(sinceCancel.elapsed() < 1000, qPrintable(QString::number(sinceCancel.elapsed())));
    }

    void aNamedPipeIsRefused() {
        QCOMPARE(::mkfifo(QFile::encodeName(path("pipe.txt")).constData(), 0600), 0);
        const Outcome o = run(path("pipe.txt"));
        QCOMPARE(o.kind, DocumentError::Kind::Unsupported);
        QVERIFY2(o.error.contains("not a regular file"), qPrintable(o.error));
    }

    // Item 9: Korean in UTF-16LE without a BOM was called "binary".
    void koreanUtf16WithoutBomIsText() {
        const QString korean = QStringLiteral("소소익선은 오프라인 인공지능 비서입니다. 문서를 요약합니다.\n"
                                              "한국어는 어디서나 됩니다.\n");
        QByteArray le(reinterpret_cast<const char*>(korean.utf16()), korean.size() * 2);
        QByteArray be = le;
        for (qsizetype i = 0; i + 1 < be.size(); i += 2)
            std::swap(be[i], be[i + 1]);
        QCOMPARE(detectEncoding(le, true).encoding, TextEncoding::Utf16LE);
        QVERIFY(!detectEncoding(le, true).binary);
        QCOMPARE(detectEncoding(be, true).encoding, TextEncoding::Utf16BE);
        writeFile(path("korean-le.txt"), le);
        Outcome o = run(path("korean-le.txt"));
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QVERIFY2(o.head.contains(QStringLiteral("소소익선은 오프라인")) &&
                     o.head.contains(QStringLiteral("어디서나")),
                 qPrintable(o.head));
        // Binary data with NUL bytes stays binary.
        QByteArray elf("\x7f"
                       "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0",
                       24);
        elf += repeated(QByteArray("\0\x10\xff\x03", 4), 4096);
        QVERIFY(detectEncoding(elf, true).binary);
        // Byte pairs that land on CJK ideographs and Latin Extended are not Korean text.
        QVERIFY(detectEncoding(repeated(QByteArray("\0\1\2binary\0", 10), 200), true).binary);
    }
};

QTEST_MAIN(TestHostileDocuments)
#include "tst_hostile_documents.moc"
