// ChatMessageModel (rows, streaming updates, removal) and the Markdown splitter behind code blocks.
#include "chat/chat_message_model.h"
#include "chat/markdown_segments.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

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
        QCOMPARE(changed.size(), 2);
        QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(ChatMessageModel::ContentRole));
        QCOMPARE(model.contentAt(r), QStringLiteral("Hello, world"));
        QVERIFY(model.data(model.index(r), ChatMessageModel::StreamingRole).toBool());
        model.setStreaming(r, false);
        model.setNote(r, "Stopped.");
        QVERIFY(!model.data(model.index(r), ChatMessageModel::StreamingRole).toBool());
        QCOMPARE(model.data(model.index(r), ChatMessageModel::NoteRole).toString(),
                 QStringLiteral("Stopped."));
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
