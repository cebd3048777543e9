// Issue #21: HTML through libxml2's HTML parser. Named entities beyond the few the old state machine
// knew, "a < b" kept as text, the charset a page declares (<meta charset>, http-equiv, over the
// sniffed guess), broken markup recovered, nesting bounded, progress that moves.
#include "documents/document_fixtures.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <iconv.h>

using namespace sosoik::documents;
using namespace sosoik::documents::fixtures;

namespace {
QByteArray encode(const QString& text, const char* charset) {
    const QByteArray utf8 = text.toUtf8();
    iconv_t cd = iconv_open(charset, "UTF-8");
    if (cd == iconv_t(-1)) return {};
    char* in = const_cast<char*>(utf8.data());
    size_t inLeft = utf8.size();
    QByteArray out(utf8.size() * 2 + 16, '\0');
    char* o = out.data();
    size_t outLeft = out.size();
    iconv(cd, &in, &inLeft, &o, &outLeft);
    iconv_close(cd);
    out.truncate(out.size() - qsizetype(outLeft));
    return out;
}
} // namespace

class TestHtmlParser : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString path(const QString& name) const { return dir.filePath(name); }

private slots:
    void namedEntitiesAndLessThanInText() {
        writeFile(path("entities.html"),
                  "<html><body><p>caf&eacute; &hellip; &rarr; &hearts; &Omega; &copy; &euro;&nbsp;5 "
                  "&#xAC00;&#44033; &amp;lt; &unknownentity;</p>"
                  "<p>if a < b and c > d then x<3</p><p>1 <= 2 & 3 < 4</p></body></html>");
        const auto e = extract(path("entities.html"));
        QCOMPARE(e.info.format, QStringLiteral("html"));
        QCOMPARE(e.texts(), QStringList({QStringLiteral("café … → ♥ Ω © € 5 가각 &lt; &unknownentity;"),
                                         QStringLiteral("if a < b and c > d then x<3"),
                                         QStringLiteral("1 <= 2 & 3 < 4")}));
    }

    void declaredCharsetWinsOverTheGuess_data() {
        QTest::addColumn<QByteArray>("declaration");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("iconvName");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("meta charset euc-kr") << QByteArray("<meta charset=\"euc-kr\">")
                                             << QStringLiteral("대한민국의 수도는 서울이다. 똠방각하")
                                             << QByteArray("CP949") << QStringLiteral("CP949");
        QTest::newRow("http-equiv koi8-r")
            << QByteArray("<meta http-equiv='Content-Type' content='text/html; charset=KOI8-R'>")
            << QStringLiteral("Привет, мир! Съешь же ещё этих мягких французских булок")
            << QByteArray("KOI8-R") << QStringLiteral("KOI8-R");
        QTest::newRow("iso-8859-1 means windows-1252")
            << QByteArray("<META CHARSET=iso-8859-1>") << QStringLiteral("“Quoted” costs € 5 — café")
            << QByteArray("WINDOWS-1252") << QStringLiteral("WINDOWS-1252");
    }
    void declaredCharsetWinsOverTheGuess() {
        QFETCH(QByteArray, declaration);
        QFETCH(QString, text);
        QFETCH(QByteArray, iconvName);
        QFETCH(QString, encoding);
        const QByteArray body = encode(text, iconvName.constData());
        QVERIFY(!body.isEmpty() && body != text.toUtf8());
        writeFile(path("declared.html"), "<!DOCTYPE html><html><head>" + declaration +
                                             "<title>t</title></head><body><p>" + body +
                                             "</p></body></html>");
        const auto e = extract(path("declared.html"));
        QCOMPARE(e.info.encoding, encoding);
        QCOMPARE(e.texts(), QStringList({"t", text}));
    }

    void brokenMarkupIsRecovered() {
        writeFile(path("broken.html"), "<p>첫 문단<p>둘째 <b>굵게 <i>기울임</p><div>셋째</span> 문단</div>"
                                       "<ul><li>하나<li>둘</ul><h2>소제목</h2><p>본문");
        const auto e = extract(path("broken.html"));
        QCOMPARE(e.texts(),
                 QStringList({"첫 문단", "둘째 굵게 기울임", "셋째 문단", "하나", "둘", "소제목", "본문"}));
        QCOMPARE(e.blocks.last().section, QStringLiteral("소제목"));
    }

    void nestingIsBoundedAndLinear() {
        writeFile(path("deep.html"), "<p>x</p>" + QByteArray("<div>").repeated(100'000) + "text");
        try {
            extract(path("deep.html"));
            QFAIL("100,000 nested elements were accepted");
        } catch (const DocumentError& e) {
            QCOMPARE(e.kind(), DocumentError::Kind::Corrupt);
            QVERIFY2(e.message().contains("256"), qPrintable(e.message()));
        }
        // End tags that match nothing open make the parser search its open elements: bounded by the depth.
        writeFile(path("stray.html"), QByteArray("<span>").repeated(200) + "a" +
                                          QByteArray("</b>").repeated(500'000) + "<p>end</p>");
        QElapsedTimer timer;
        timer.start();
        const auto e = extract(path("stray.html"));
        qInfo("200 open spans and 500,000 stray end tags: %lld ms", timer.elapsed());
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(e.all().endsWith("end"), qPrintable(e.all().right(100)));
    }

    void progressMoves() {
        writeFile(
            path("long.html"),
            QStringLiteral("<p>진행률이 움직이는지 확인하는 문단입니다.</p>\n").repeated(30'000).toUtf8());
        const auto e = extract(path("long.html"));
        QCOMPARE(e.blocks.size(), 30'000);
        QVERIFY2(e.progress.size() >= 4, qPrintable(QString::number(e.progress.size())));
        QVERIFY(e.progress[0] > 0 && e.progress[0] < 0.5);
        QVERIFY(std::is_sorted(e.progress.begin(), e.progress.end()));
        QCOMPARE(e.progress.back(), 1.0);
    }
};

QTEST_MAIN(TestHtmlParser)
#include "tst_html_parser.moc"
