// Code blocks in answers (#21): indented (four-space) code is a code block of its own, with its copy
// button, like fenced code; a list item's indented paragraph stays prose; streaming an answer
// character by character settles the same blocks as splitting it at once.
#include "chat/chat_message_model.h"
#include "chat/markdown_segments.h"

#include <QTest>

using namespace sosoik::app;

class TestCodeBlocks : public QObject {
    Q_OBJECT

    static QList<MarkdownSegment> segments(const QString& text) {
        QList<MarkdownSegment> out;
        for (const MarkdownBlock& b : splitMarkdownBlocks(text))
            out.append(b.segment);
        return out;
    }

private slots:
    void indentedCodeIsACodeBlock() {
        const auto s =
            segments("Run this:\n\n    sudo apt install sosoik\n    sosoik --help\n\nThen open it.");
        QCOMPARE(s.size(), 3);
        QCOMPARE(s[0].kind, MarkdownSegment::Kind::Prose);
        QCOMPARE(s[1].kind, MarkdownSegment::Kind::Code);
        QCOMPARE(s[1].text, QStringLiteral("sudo apt install sosoik\nsosoik --help"));
        QCOMPARE(s[1].language, QString());
        QCOMPARE(s[2].text, QStringLiteral("Then open it."));
    }

    void blankLinesInsideIndentedCodeAreKept() {
        const auto s = segments("    def f():\n        return 1\n\n    print(f())\n\n\nDone");
        QCOMPARE(s.size(), 2);
        QCOMPARE(s[0].kind, MarkdownSegment::Kind::Code);
        QCOMPARE(s[0].text, QStringLiteral("def f():\n    return 1\n\nprint(f())"));
        QCOMPARE(s[1].text, QStringLiteral("Done"));
    }

    void tabsIndentToo() {
        const auto s = segments("\tx = 1\n");
        QCOMPARE(s.size(), 1);
        QCOMPARE(s[0].kind, MarkdownSegment::Kind::Code);
        QCOMPARE(s[0].text, QStringLiteral("x = 1"));
    }

    void indentedLinesContinuingAParagraphOrListAreProse() {
        auto s = segments("A paragraph\n    with an indented second line.");
        QCOMPARE(s.size(), 1);
        QCOMPARE(s[0].kind, MarkdownSegment::Kind::Prose);
        s = segments("1. Install it.\n\n    The installer asks for nothing.\n\nNext.");
        QCOMPARE(s.size(), 2);
        QCOMPARE(s[0].kind, MarkdownSegment::Kind::Prose);
        QCOMPARE(s[0].text, QStringLiteral("1. Install it.\n\n    The installer asks for nothing."));
        QCOMPARE(s[1].text, QStringLiteral("Next."));
    }

    void fencedCodeStillWins() {
        const auto s = segments("```sh\n    indented inside a fence\n```\n    after");
        QCOMPARE(s.size(), 2);
        QCOMPARE(s[0].language, QStringLiteral("sh"));
        QCOMPARE(s[0].text, QStringLiteral("    indented inside a fence"));
        QCOMPARE(s[1].kind, MarkdownSegment::Kind::Code);
        QCOMPARE(s[1].text, QStringLiteral("after"));
    }

    void streamingSettlesTheSameBlocksAsSplittingAtOnce() {
        const QString full =
            QStringLiteral("Steps:\n\n    make build\n\n    make test\n- item\n\n    item text\n\nPlain.\n\n"
                           "    tail code\n```js\nlet x = 1\n```\n    after fence\nEnd");
        ChatMessageModel model;
        ChatRow row;
        row.role = QStringLiteral("assistant");
        row.streaming = true;
        const int r = model.append(row);
        for (qsizetype i = 0; i < full.size(); ++i) {
            model.appendText(r, full.mid(i, 1));
            model.flush();
            const QVariantList settled =
                model.data(model.index(r), ChatMessageModel::SettledBlocksRole).toList();
            const QList<MarkdownBlock> scratch = splitMarkdownBlocks(model.contentAt(r));
            QCOMPARE(settled.size() + 1, scratch.size());
            for (int b = 0; b < settled.size(); ++b)
                QCOMPARE(settled[b].toMap(), segmentForQml(scratch[b].segment));
        }
        const auto s = segments(full);
        QStringList kinds;
        for (const auto& seg : s)
            kinds << (seg.kind == MarkdownSegment::Kind::Code ? "code" : "prose");
        QCOMPARE(kinds.join(','), QStringLiteral("prose,code,prose,prose,code,code,code,prose"));
        QCOMPARE(s[1].text, QStringLiteral("make build\n\nmake test"));
        QCOMPARE(s[2].text, QStringLiteral("- item\n\n    item text"));
    }
};

QTEST_MAIN(TestCodeBlocks)
#include "tst_code_blocks.moc"
