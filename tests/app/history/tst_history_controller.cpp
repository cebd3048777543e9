// HistoryController: export to files (Markdown / JSON) and import back, with errors as text.
#include "history/history_controller.h"
#include "storage/storage.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::storage;
using sosoik::history::HistoryController;

class TestHistoryController : public QObject {
    Q_OBJECT
private slots:
    void exportImportThroughFiles() {
        QTemporaryDir tmp;
        Storage s;
        QVERIFY(s.open(tmp.path()));
        const qint64 id = s.createConversation(ConversationKind::Chat, "여행: 부산/제주?");
        s.addMessage(id, "user", "부산 맛집 추천해줘");
        s.addMessage(id, "assistant", "돼지국밥을 드셔 보세요.");
        HistoryController history(&s);
        QCOMPARE(history.conversations()->rowCount(), 1);

        QCOMPARE(history.suggestedFileName(id, "json"), QStringLiteral("여행_ 부산_제주_.json"));
        QCOMPARE(history.suggestedFileName(id, "markdown"), QStringLiteral("여행_ 부산_제주_.md"));
        QCOMPARE(history.suggestedFileName(99999, "markdown"), QStringLiteral("conversation.md"));

        const QUrl md = QUrl::fromLocalFile(tmp.filePath("out.md"));
        QVERIFY(history.exportConversation(id, md, "markdown"));
        QFile mdFile(md.toLocalFile());
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(mdFile.readAll()).contains("돼지국밥을 드셔 보세요."));
        QVERIFY(!(mdFile.permissions() & (QFile::ReadOther | QFile::ReadGroup)));

        const QUrl json = QUrl::fromLocalFile(tmp.filePath("out.json"));
        QVERIFY(history.exportConversation(id, json, "json"));
        const qint64 copy = history.importConversation(json);
        QVERIFY2(copy > 0, qPrintable(history.errorText()));
        QCOMPARE(history.conversations()->rowCount(), 2);
        QCOMPARE(history.conversations()->conversationIdAt(0), copy);
        QCOMPARE(s.messages(copy).size(), 2);
        QVERIFY(history.errorText().isEmpty());
    }

    void trashIsPurgedOutsideTheSession() {
        QTemporaryDir tmp;
        Storage s;
        QVERIFY(s.open(tmp.path()));
        const qint64 old = s.createConversation();
        const qint64 kept = s.createConversation();
        QVERIFY(s.deleteConversation(old)); // left in the trash by an earlier session
        {
            HistoryController history(&s);
            QVERIFY(s.deletedConversations().isEmpty());
            QVERIFY(history.conversations()->remove(kept));
            QCOMPARE(s.deletedConversations().size(), 1); // undoable while the session lasts
            QCOMPARE(history.conversations()->undoRemove(), kept);
            QVERIFY(history.conversations()->remove(kept));
        }
        QVERIFY(s.deletedConversations().isEmpty());
        QVERIFY(!s.conversation(kept));
        QVERIFY(!s.conversation(old));
    }

    void errorsAreReported() {
        QTemporaryDir tmp;
        Storage s;
        QVERIFY(s.open(tmp.path()));
        HistoryController history(&s);
        QSignalSpy errors(&history, &HistoryController::errorTextChanged);
        QVERIFY(!history.exportConversation(12345, QUrl::fromLocalFile(tmp.filePath("x.md")), "markdown"));
        QVERIFY(!history.errorText().isEmpty());
        QCOMPARE(history.importConversation(QUrl::fromLocalFile(tmp.filePath("missing.json"))), 0);
        QVERIFY(history.errorText().contains("Cannot read"));
        QFile bad(tmp.filePath("bad.json"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("[1, 2, 3]");
        bad.close();
        QCOMPARE(history.importConversation(QUrl::fromLocalFile(bad.fileName())), 0);
        QVERIFY(history.errorText().contains("not a Sosoik"));
        QVERIFY(errors.size() >= 2);
        history.dismissError();
        QVERIFY(history.errorText().isEmpty());
        QCOMPARE(s.conversations().size(), 0);
    }

    // A successful export says where the file went; writing into a read-only folder says why it failed.
    void exportSaysWhereItWasSaved() {
        QTemporaryDir tmp;
        Storage s;
        QVERIFY(s.open(tmp.path()));
        HistoryController history(&s);
        const qint64 id = s.createConversation(ConversationKind::Chat, "Notes");
        QVERIFY(id > 0);
        QSignalSpy notices(&history, &HistoryController::noticeTextChanged);
        const QString md = tmp.filePath("notes.md");
        QVERIFY(history.exportConversation(id, QUrl::fromLocalFile(md), "markdown"));
        QCOMPARE(history.noticeText(), QString("Saved to %1").arg(QDir::toNativeSeparators(md)));
        QCOMPARE(notices.size(), 1);
        history.dismissNotice();
        QVERIFY(history.noticeText().isEmpty());

        // A "folder" that is a file cannot be written into, even by root (the CI runs as root, which
        // ignores a read-only folder's permissions).
        QFile blocker(tmp.filePath("blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(!history.exportConversation(id, QUrl::fromLocalFile(tmp.filePath("blocker/notes.md")),
                                            "markdown"));
        QVERIFY2(history.errorText().startsWith("Cannot write"), qPrintable(history.errorText()));
        QVERIFY(history.noticeText().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHistoryController)
#include "tst_history_controller.moc"
