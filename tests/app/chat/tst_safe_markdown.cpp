// Issue #19 item 1: model output and document text must never make Sosoik fetch anything. Every hostile
// construct below makes Qt's Markdown parser (the one TextEdit uses) reference a resource as written;
// after safeMarkdown() none does, while code and links read as before. LinkGuard opens only
// http/https/mailto, and only what the confirmation dialog showed.
#include "chat/link_guard.h"
#include "chat/markdown_segments.h"
#include "chat/safe_markdown.h"

#include <QGuiApplication>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace sosoik::app;

namespace {

const char* const kHostile[] = {
    "![a](http://127.0.0.1:1/md.png?leak=SECRET)",
    "see ![ref][r]\n\n[r]: http://127.0.0.1:1/ref.png",
    // Qt inserts raw HTML once its tags are balanced.
    "<img src=\"http://127.0.0.1:1/html.png\"></img>",
    "text <b><img src='http://127.0.0.1:1/inline.png'></b></b> more",
    "<p style=\"background-image: url(http://127.0.0.1:1/css.png)\">x</p>",
    "<table background=\"http://127.0.0.1:1/table.png\"><tr><td>x</td></tr></table>",
    "- ```\n  code\n  ```\n<img src=http://127.0.0.1:1/list.png></img>",
    "a `x\nb ` <img src=http://127.0.0.1:1/span.png></img> `",
    "[![nested](http://127.0.0.1:1/nested.png)](http://example.com)",
    "> quote ![q](http://127.0.0.1:1/quote.png)",
    "| a | b |\n|---|---|\n| ![t](http://127.0.0.1:1/cell.png) | x |",
    "<IMG SRC=http://127.0.0.1:1/upper.png></IMG>",
    "<p>para <img src=http://127.0.0.1:1/para.png></img></p>",
    "\\\\![escaped backslash](http://127.0.0.1:1/bs.png)",
};

// The links of a rendered document, in order.
QStringList anchors(const QString& markdown) {
    QTextDocument doc;
    doc.setMarkdown(markdown);
    QStringList out;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isAnchor()) out << it.fragment().charFormat().anchorHref();
    out.removeDuplicates();
    return out;
}

QString plain(const QString& markdown) {
    QTextDocument doc;
    doc.setMarkdown(markdown);
    return doc.toPlainText();
}

} // namespace

class TestSafeMarkdown : public QObject {
    Q_OBJECT
private slots:
    void hostileMarkdownReferencesNothingOnceMadeSafe_data() {
        QTest::addColumn<QString>("markdown");
        for (const char* text : kHostile)
            QTest::newRow(text) << QString::fromUtf8(text);
    }
    void hostileMarkdownReferencesNothingOnceMadeSafe() {
        QFETCH(QString, markdown);
        QVERIFY2(markdownReferencesResources(markdown), "the sample must be hostile as written");
        const QString safe = safeMarkdown(markdown);
        QVERIFY2(!markdownReferencesResources(safe), qPrintable(safe));
        // And the same through the chat view's path (prose segments are Markdown; code is plain text).
        for (const QVariant& segment : segmentsForQml(markdown))
            if (segment.toMap().value("kind") == QLatin1String("prose"))
                QVERIFY(!markdownReferencesResources(segment.toMap().value("text").toString()));
    }

    void anImageBecomesALinkToTheSameAddress() {
        const QString safe = safeMarkdown(QStringLiteral("Look: ![a cat](http://example.com/cat.png)"));
        QCOMPARE(anchors(safe), QStringList{"http://example.com/cat.png"});
        QCOMPARE(plain(safe), QStringLiteral("Look: !a cat"));
    }

    void rawHtmlIsShownAsText() {
        QCOMPARE(plain(safeMarkdown(QStringLiteral("a <b>bold</b> <img src=x>"))),
                 QStringLiteral("a <b>bold</b> <img src=x>"));
    }

    void codeAndLinksAreKept() {
        const QString fenced = QStringLiteral("```html\n<img src=\"x.png\">\n![a](b)\n```");
        QCOMPARE(safeMarkdown(fenced), fenced);
        const QString span = QStringLiteral("Use `std::vector<int>` and `![a](b)` here.");
        QCOMPARE(safeMarkdown(span), span);
        const QString links = QStringLiteral("[docs](https://example.com/d) and <https://example.com/auto>, "
                                             "mail <someone@example.com>, 1 < 2 \\<kept>.");
        QCOMPARE(
            anchors(safeMarkdown(links)),
            (QStringList{"https://example.com/d", "https://example.com/auto", "mailto:someone@example.com"}));
        QVERIFY(plain(safeMarkdown(links)).contains(QStringLiteral("1 < 2 <kept>.")));
        const QString korean = QStringLiteral("# 제목\n\n**굵게** 그리고 `코드<태그>`");
        QCOMPARE(safeMarkdown(korean), korean);
    }

    void onlyWebAndMailLinksOpen() {
        QList<QUrl> opened;
        LinkGuard guard([&opened](const QUrl& url) {
            opened << url;
            return true;
        });
        for (const char* ok : {"http://example.com/", "https://example.com/a?b=1#c", "mailto:a@example.com",
                               "HTTPS://EXAMPLE.COM/"})
            QVERIFY2(guard.canOpen(QString::fromUtf8(ok)), ok);
        for (const char* no : {"file:///etc/passwd", "javascript:alert(1)", "data:text/html,<b>x</b>",
                               "ftp://example.com/", "smb://host/share", "http:///nohost",
                               "mailto:", "http://exa<mple.com/", "sosoik:x", "/relative", ""})
            QVERIFY2(!guard.canOpen(QString::fromUtf8(no)), no);
        QVERIFY(!guard.open(QStringLiteral("file:///etc/passwd")));
        QVERIFY(opened.isEmpty());
        QVERIFY(guard.open(QStringLiteral("https://example.com/a?b=1")));
        QCOMPARE(opened, QList<QUrl>{QUrl(QStringLiteral("https://example.com/a?b=1"))});
    }

    void theShownAddressIsTheOneOpened() {
        LinkGuard guard([](const QUrl&) { return true; });
        // A look-alike host is shown as punycode, spaces and Hangul in the path as %XX.
        const QString ace = QString::fromLatin1(QUrl::toAce(QStringLiteral("예시.kr")));
        QVERIFY(ace.startsWith(QLatin1String("xn--")));
        QCOMPARE(guard.displayUrl(QStringLiteral("https://예시.kr/경로 a")),
                 QStringLiteral("https://%1/%EA%B2%BD%EB%A1%9C%20a").arg(ace));
        QCOMPARE(guard.displayUrl(QStringLiteral("https://аpple.com/")), // Cyrillic "а"
                 QStringLiteral("https://xn--pple-43d.com/"));
        QCOMPARE(guard.displayUrl(QStringLiteral("https://example.com/?q=1")),
                 QStringLiteral("https://example.com/?q=1"));
    }
};

QTEST_MAIN(TestSafeMarkdown)
#include "tst_safe_markdown.moc"
