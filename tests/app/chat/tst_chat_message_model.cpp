// ChatMessageModel (rows, streaming updates, removal) and the Markdown splitter behind code blocks.
#include "chat/chat_message_model.h"
#include "chat/markdown_segments.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace sosoik::app;

class TestChatMessageModel : public QObject {
    Q_OBJECT

    static ChatRow row(qint64 id, const QString& role, const QString& content) {
        ChatRow r;
        r.id = id;
        r.role = role;
        r.content = content;
        return r;
    }

private slots:
    void rolesExposeEveryField() {
        ChatMessageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(row(11, "user", "안녕하세요"));
        const QHash<int, QByteArray> names = model.roleNames();
        QCOMPARE(names.value(ChatMessageModel::ContentRole), QByteArray("content"));
        QCOMPARE(names.value(ChatMessageModel::SegmentsRole), QByteArray("segments"));
        const QModelIndex i = model.index(0);
        QCOMPARE(model.data(i, ChatMessageModel::IdRole).toLongLong(), 11);
        QCOMPARE(model.data(i, ChatMessageModel::RoleRole).toString(), QStringLiteral("user"));
        QCOMPARE(model.data(i, ChatMessageModel::ContentRole).toString(), QStringLiteral("안녕하세요"));
        QCOMPARE(model.data(i, ChatMessageModel::IsLastRole).toBool(), true);
    }

    void streamingTextGrowsInPlaceAndNotifiesContent() {
        ChatMessageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(row(1, "user", "hi"));
        ChatRow answer = row(2, "assistant", "");
        answer.streaming = true;
        const int r = model.append(answer);
        QCOMPARE(r, 1);
        QCOMPARE(model.data(model.index(0), ChatMessageModel::IsLastRole).toBool(), false);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.appendText(r, "Hello");
        model.appendText(r, ", world");
        QCOMPARE(model.contentAt(r), QStringLiteral("Hello, world")); // current at once...
        QCOMPARE(changed.size(), 0);                                  // ...shown with the next frame
        QTRY_COMPARE(changed.size(), 1);
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(ChatMessageModel::ContentRole));
        QVERIFY(model.data(model.index(r), ChatMessageModel::StreamingRole).toBool());
        model.setStreaming(r, false);
        model.setNote(r, "Stopped.");
        QVERIFY(!model.data(model.index(r), ChatMessageModel::StreamingRole).toBool());
        QCOMPARE(model.data(model.index(r), ChatMessageModel::NoteRole).toString(),
                 QStringLiteral("Stopped."));
    }

    // Issue #13: the GUI streamed ~3x slower than the CLI; every token re-rendered the whole answer.
    // Tokens are coalesced to one update per frame...
    void streamingUpdatesAreCoalescedToTheFrameRate() {
        ChatMessageModel model;
        ChatRow answer = row(2, "assistant", "");
        answer.streaming = true;
        const int r = model.append(answer);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QElapsedTimer clock;
        clock.start();
        int pieces = 0;
        while (clock.elapsed() < 200) { // 200 ms of tokens as fast as they come, events processed between
            model.appendText(r, QStringLiteral(" 토큰"));
            ++pieces;
            QCoreApplication::processEvents();
            QThread::usleep(500);
        }
        const int notifications = model.textNotifications();
        QVERIFY2(notifications <= 200 / ChatMessageModel::kFrameMs + 2,
                 qPrintable(QStringLiteral("%1 updates for %2 pieces").arg(notifications).arg(pieces)));
        QVERIFY(pieces > 4 * notifications);
        model.setStreaming(r, false); // the end shows everything at once
        QCOMPARE(model.data(model.index(r), ChatMessageModel::TailBlockRole).toMap().value("text").toString(),
                 model.contentAt(r));
    }

    // ...and only the last Markdown block is parsed again: blocks with a successor never change.
    void onlyTheLastBlockChangesWhileStreaming() {
        const QString full = QStringLiteral(
            "# 제목\n\nFirst paragraph with **bold**\nand a second line.\n\n\n- a list\n- of items\n\n"
            "```python\nprint('안녕')\n\nx = 1\n```\nText right after the fence.\n\n"
            "1. one\n\n2. two\n\n~~~\nunclosed code");
        ChatMessageModel model;
        ChatRow answer = row(2, "assistant", "");
        answer.streaming = true;
        const int r = model.append(answer);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        int settledChanges = 0;
        QVariantList settledBefore;
        for (int i = 0; i < full.size(); i += 3) {
            model.appendText(r, full.mid(i, 3));
            model.flush();
            const QVariantList settled =
                model.data(model.index(r), ChatMessageModel::SettledBlocksRole).toList();
            // What was settled stays exactly as it was.
            QVERIFY(settled.size() >= settledBefore.size());
            for (int b = 0; b < settledBefore.size(); ++b)
                QCOMPARE(settled[b], settledBefore[b]);
            if (settled.size() != settledBefore.size()) ++settledChanges;
            // The view is told about the settled list only when it grows.
            const QList<int> roles = changed.last().at(2).value<QList<int>>();
            QCOMPARE(roles.contains(ChatMessageModel::SettledBlocksRole),
                     settled.size() != settledBefore.size());
            settledBefore = settled;
            // Incremental = from scratch.
            const QList<MarkdownBlock> scratch = splitMarkdownBlocks(model.contentAt(r));
            QCOMPARE(settled.size() + 1, scratch.size());
            for (int b = 0; b < settled.size(); ++b)
                QCOMPARE(settled[b].toMap(), segmentForQml(scratch[b].segment));
            QCOMPARE(model.data(model.index(r), ChatMessageModel::TailBlockRole).toMap(),
                     segmentForQml(scratch.last().segment));
        }
        const QList<MarkdownBlock> blocks = splitMarkdownBlocks(full);
        QCOMPARE(blocks.size(), 8);
        QCOMPARE(blocks[0].segment.text, QStringLiteral("# 제목"));
        QCOMPARE(blocks[1].segment.text, QStringLiteral("First paragraph with **bold**\nand a second line."));
        QCOMPARE(blocks[3].segment.kind, MarkdownSegment::Kind::Code);
        QCOMPARE(blocks[3].segment.text, QStringLiteral("print('안녕')\n\nx = 1"));
        QCOMPARE(blocks[3].segment.language, QStringLiteral("python"));
        QCOMPARE(blocks[4].segment.text, QStringLiteral("Text right after the fence."));
        QVERIFY(!blocks[7].segment.closed);
        QCOMPARE(settledChanges, 7);
    }

    void removeFromDropsTheTailAndRemoveAtOneRow() {
        ChatMessageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(
            {row(1, "user", "a"), row(2, "assistant", "b"), row(3, "user", "c"), row(4, "assistant", "d")});
        QCOMPARE(model.rowOfId(3), 2);
        model.removeFrom(2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(1), ChatMessageModel::IsLastRole).toBool(), true);
        model.removeAt(0);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.at(0).id, 2);
        QCOMPARE(model.rowOfId(3), -1);
        model.removeFrom(5); // out of range: ignored
        QCOMPARE(model.rowCount(), 1);
    }

    void splitsProseAndFencedCode() {
        const QString md = "Here is code:\n\n```cpp\nint main() {\n    return 0;\n}\n```\nAnd after.";
        const auto segs = splitMarkdown(md);
        QCOMPARE(segs.size(), 3);
        QCOMPARE(segs[0].kind, MarkdownSegment::Kind::Prose);
        QCOMPARE(segs[0].text, QStringLiteral("Here is code:\n"));
        QCOMPARE(segs[1].kind, MarkdownSegment::Kind::Code);
        QCOMPARE(segs[1].language, QStringLiteral("cpp"));
        QCOMPARE(segs[1].text, QStringLiteral("int main() {\n    return 0;\n}"));
        QVERIFY(segs[1].closed);
        QCOMPARE(segs[2].text, QStringLiteral("And after."));
    }

    void openFenceWhileStreamingIsAnOpenCodeBlock() {
        const auto segs = splitMarkdown("Sure:\n```python\nprint('안녕')");
        QCOMPARE(segs.size(), 2);
        QCOMPARE(segs[1].kind, MarkdownSegment::Kind::Code);
        QCOMPARE(segs[1].text, QStringLiteral("print('안녕')"));
        QVERIFY(!segs[1].closed);
    }

    void tildeFencesAndLongerClosersAndInnerBackticks() {
        const auto segs = splitMarkdown("~~~\n```not a closer```\n~~~~\n");
        QCOMPARE(segs.size(), 1);
        QCOMPARE(segs[0].kind, MarkdownSegment::Kind::Code);
        QCOMPARE(segs[0].text, QStringLiteral("```not a closer```"));
        QVERIFY(segs[0].closed);
    }

    void segmentsRoleGivesQmlMaps() {
        ChatMessageModel model;
        model.append(row(1, "assistant", "**bold**\n```\nx\n```"));
        const QVariantList segs = model.data(model.index(0), ChatMessageModel::SegmentsRole).toList();
        QCOMPARE(segs.size(), 2);
        QCOMPARE(segs[0].toMap().value("kind").toString(), QStringLiteral("prose"));
        QCOMPARE(segs[1].toMap().value("kind").toString(), QStringLiteral("code"));
        QCOMPARE(segs[1].toMap().value("text").toString(), QStringLiteral("x"));
    }
};

QTEST_MAIN(TestChatMessageModel)
#include "tst_chat_message_model.moc"
