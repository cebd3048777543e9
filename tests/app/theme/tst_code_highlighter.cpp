// Syntax highlighting of code blocks (#21): the tokens for common languages, and HTML that keeps the
// code exactly (whitespace, Korean, markup characters) without anything a document could fetch.
#include "theme/code_highlighter.h"
#include "theme/theme.h"

#include <QGuiApplication>
#include <QTest>
#include <QTextDocument>

using namespace sosoik::app;

namespace {

// "kind:text" for each token, to compare readably.
QStringList spans(const QString& code, const QString& language) {
    QStringList out;
    for (const CodeToken& t : tokenizeCode(code, language)) {
        static const char* names[] = {"kw", "type", "str", "comment", "num"};
        out << QStringLiteral("%1:%2").arg(QLatin1String(names[int(t.kind)]), code.mid(t.start, t.length));
    }
    return out;
}

class ProbeDocument : public QTextDocument {
public:
    int requests = 0;

protected:
    QVariant loadResource(int, const QUrl&) override {
        ++requests;
        return {};
    }
};

} // namespace

class TestCodeHighlighter : public QObject {
    Q_OBJECT
private slots:
    void python() {
        QCOMPARE(
            spans("def greet(name: str) -> None:\n    # 인사\n    print(f\"안녕 {name}\", 42)\n", "python"),
            (QStringList{"kw:def", "type:str", "kw:None", "comment:# 인사", "str:\"안녕 {name}\"",
                         "num:42"}));
        QCOMPARE(spans("s = '''a\n'b'\n''' + 'x'", "py"), (QStringList{"str:'''a\n'b'\n'''", "str:'x'"}));
    }

    void cppWithPreprocessorBlockCommentsAndNumbers() {
        QCOMPARE(spans("#include <vector>\n/* sum */ int x = 0x1F + 1.5e-3; // done", "cpp"),
                 (QStringList{"kw:#include", "type:vector", "comment:/* sum */", "type:int", "num:0x1F",
                              "num:1.5e-3", "comment:// done"}));
        QCOMPARE(spans("return \"a\\\"b\";", "C++"), (QStringList{"kw:return", "str:\"a\\\"b\""}));
    }

    void javascriptTemplateStringsSpanLines() {
        QCOMPARE(spans("const s = `a\nb`; let n = null", "js"),
                 (QStringList{"kw:const", "str:`a\nb`", "kw:let", "kw:null"}));
    }

    void rustLifetimesAreNotStrings() {
        QCOMPARE(spans("fn f<'a>(x: &'a str) -> char { 'x' }", "rust"),
                 (QStringList{"kw:fn", "type:str", "type:char", "str:'x'"}));
    }

    void shellCommentsStartWords() {
        QCOMPARE(
            spans("echo $# # count\nif [ -f x ]; then exit 1; fi", "bash"),
            (QStringList{"type:echo", "comment:# count", "kw:if", "kw:then", "type:exit", "num:1", "kw:fi"}));
    }

    void sqlIsCaseInsensitive() {
        QCOMPARE(spans("SELECT id FROM t WHERE name = 'x' -- 이름", "sql"),
                 (QStringList{"kw:SELECT", "kw:FROM", "kw:WHERE", "str:'x'", "comment:-- 이름"}));
    }

    void identifiersContainingKeywordsAndDigitsAreNot() {
        QCOMPARE(spans("format_int x2 = int2;", "cpp"), QStringList{});
        QCOMPARE(spans("unknown stuff 42 \"x\"", "brainfuck"), QStringList{});
        QVERIFY(isHighlightedLanguage("Python"));
        QVERIFY(!isHighlightedLanguage(""));
    }

    void unclosedStringsEndAtTheLine() {
        QCOMPARE(spans("x = \"open\ny = 1", "python"), (QStringList{"str:\"open", "num:1"}));
    }

    void htmlKeepsTheCodeAndFetchesNothing() {
        const QString code = QStringLiteral("<img src=\"http://evil.example/leak\">\n  if (a < b && c > d) { "
                                            "return \"&amp;\"; }\n\t한국어 // 주석");
        for (const QString& language : {QStringLiteral("cpp"), QStringLiteral("html"), QString()}) {
            const QString html = highlightedCodeHtml(code, language, darkColors());
            QVERIFY(!html.contains("<img"));
            ProbeDocument doc;
            doc.setHtml(html);
            QCOMPARE(doc.requests, 0);
            QCOMPARE(doc.toPlainText()
                         .replace(QChar::LineSeparator, '\n')
                         .replace(QChar::ParagraphSeparator, '\n'),
                     code);
        }
        const QString html = highlightedCodeHtml("return 1;", "cpp", lightColors());
        QVERIFY(html.contains(QStringLiteral("<span style=\"color: %1\">return</span>")
                                  .arg(lightColors().syntaxKeyword.name())));
    }

    void themeGivesEachSchemesColours() {
        Theme theme([] { return QPalette(); });
        const QString dark = theme.codeHtml("int x;", "c", true);
        const QString light = theme.codeHtml("int x;", "c", false);
        QVERIFY(dark.contains(darkColors().syntaxType.name()));
        QVERIFY(light.contains(lightColors().syntaxType.name()));
        QVERIFY(theme.highlights("rs"));
    }
};

QTEST_MAIN(TestCodeHighlighter)
#include "tst_code_highlighter.moc"
