// Schema migrations: databases written at every earlier schema version open with current code,
// keep their data and end up with the current schema (FTS index built for old messages).
#include "storage/schema.h"
#include "storage/storage.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::storage;

namespace {

// A raw connection, as an older release would have had it, migrated only up to `version`.
class OldDatabase {
public:
    OldDatabase(const QString& path, int version) : name_(QStringLiteral("old-%1").arg(version)) {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name_);
        db.setDatabaseName(path);
        ok_ = db.open() && exec("PRAGMA journal_mode = WAL") && schema::migrate(db, version, &error_);
    }
    ~OldDatabase() {
        QSqlDatabase::database(name_).close();
        QSqlDatabase::removeDatabase(name_);
    }
    bool ok() const { return ok_; }
    QString error() const { return error_; }
    bool exec(const QString& sql) {
        QSqlQuery q(QSqlDatabase::database(name_));
        if (q.exec(sql)) return true;
        error_ = q.lastError().text();
        return false;
    }
    int version() { return schema::version(QSqlDatabase::database(name_), &error_); }

private:
    QString name_;
    QString error_;
    bool ok_ = false;
};

QStringList tables(Storage& s) {
    QStringList names;
    QSqlQuery q(s.database());
    q.exec("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger') ORDER BY name");
    while (q.next())
        names << q.value(0).toString();
    return names;
}

} // namespace

class TestStorageMigrations : public QObject {
    Q_OBJECT
private slots:
    void thereAreSeveralVersions() { QVERIFY(schema::currentVersion() >= 4); }

    void fromEmptyFile() {
        QTemporaryDir tmp;
        Storage s;
        QVERIFY(s.open(tmp.path()));
        QCOMPARE(s.schemaVersion(), schema::currentVersion());
        const QStringList names = tables(s);
        for (const char* t : {"conversations", "messages", "messages_fts", "messages_fts_update", "documents",
                              "document_chunks", "document_chunks_fts", "document_chunks_fts_insert"})
            QVERIFY2(names.contains(t), t);
    }

    void fromVersion1() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(Storage::databaseFileName());
        {
            OldDatabase old(path, 1);
            QVERIFY2(old.ok(), qPrintable(old.error()));
            QCOMPARE(old.version(), 1);
            QVERIFY2(
                old.exec("INSERT INTO conversations (id, title, created, updated, system_prompt, model_path, "
                         "kind) VALUES (1, '인사', 1000, 5000, 'be kind', '/m/a.gguf', 'quick'), "
                         "(2, 'older', 900, 900, '', '', 'chat')"),
                qPrintable(old.error()));
            QVERIFY2(
                old.exec(
                    "INSERT INTO messages (conversation_id, role, content, created, model, prompt_tokens, "
                    "completion_tokens) VALUES (1, 'user', '안녕하세요 반갑습니다', 1001, '', 5, 0), "
                    "(1, 'assistant', 'Hello there, friend', 1002, 'a.gguf', 0, 7), "
                    "(2, 'user', 'old question', 901, '', 0, 0)"),
                qPrintable(old.error()));
        }
        Storage s;
        QVERIFY2(s.open(tmp.path()), qPrintable(s.errorString()));
        QCOMPARE(s.schemaVersion(), schema::currentVersion());
        const auto list = s.conversations();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.first().id, 1);
        QCOMPARE(list.first().title, QStringLiteral("인사"));
        QCOMPARE(list.first().kind, ConversationKind::Quick);
        QCOMPARE(list.first().systemPrompt, QStringLiteral("be kind"));
        QCOMPARE(list.first().updated.toMSecsSinceEpoch(), 5000);
        QVERIFY(list.first().settings.isEmpty());
        const auto messages = s.messages(1);
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(1).content, QStringLiteral("Hello there, friend"));
        QCOMPARE(messages.at(1).completionTokens, 7);
        QVERIFY(messages.at(1).finished);
        // The FTS index was built from messages written before it existed.
        const auto hits = s.search("반갑습니다");
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().conversationId, 1);
        QCOMPARE(s.search("friend").size(), 1);
        // And kept in sync for new writes.
        QVERIFY(s.addMessage(2, "assistant", "new answer after upgrade") > 0);
        QCOMPARE(s.search("after upgrade").size(), 1);
    }

    void fromVersion2() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(Storage::databaseFileName());
        {
            OldDatabase old(path, 2);
            QVERIFY2(old.ok(), qPrintable(old.error()));
            QCOMPARE(old.version(), 2);
            QVERIFY2(old.exec("INSERT INTO conversations (id, title, created, updated, temperature, top_k, "
                              "context_length, deleted) VALUES (1, 'kept', 1, 2, 0.3, 20, 2048, 0), "
                              "(2, 'trashed', 1, 3, NULL, NULL, NULL, 77)"),
                     qPrintable(old.error()));
            QVERIFY2(
                old.exec("INSERT INTO messages (conversation_id, role, content, created, settings, finished) "
                         "VALUES (1, 'user', '서울 날씨', 1, '{}', 1), "
                         "(1, 'assistant', 'partial answ', 2, '{\"temperature\":0.3}', 0), "
                         "(2, 'user', 'gone for now', 3, '{}', 1)"),
                qPrintable(old.error()));
        }
        Storage s;
        QVERIFY2(s.open(tmp.path()), qPrintable(s.errorString()));
        QCOMPARE(s.schemaVersion(), schema::currentVersion());
        QCOMPARE(s.conversations().size(), 1);
        QCOMPARE(s.deletedConversations().size(), 1);
        const Conversation c = *s.conversation(1);
        QCOMPARE(c.settings.temperature, 0.3);
        QCOMPARE(c.settings.topK, 20);
        QCOMPARE(c.settings.contextLength, 2048);
        QVERIFY(!c.settings.topP);
        const auto messages = s.messages(1);
        QCOMPARE(messages.size(), 2);
        QVERIFY(!messages.at(1).finished);
        QCOMPARE(messages.at(1).settings.temperature, 0.3);
        QCOMPARE(s.search("서울").size(), 1);
        QCOMPARE(s.search("partial").size(), 1);
        QVERIFY(s.search("gone").isEmpty()); // soft-deleted stays hidden
        QVERIFY(s.restoreConversation(2));
        QCOMPARE(s.search("gone").size(), 1);
        // v3 tables work on the upgraded file.
        Document d;
        d.conversationId = 1;
        d.fileName = "report.pdf";
        d.pages = 3;
        const qint64 doc = s.addDocument(d);
        QVERIFY(doc > 0);
        QVERIFY(s.addDocumentChunks(doc, {{0, doc, 0, 1, "Intro", "문서 요약 기능"}}));
        QCOMPARE(s.searchDocumentChunks(doc, "요약").size(), 1);
    }

    // v4 adds messages.stop_reason: a v3 file keeps its messages ('' for them: ended by the model) and
    // stores why a new answer ended early.
    void fromVersion3() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(Storage::databaseFileName());
        {
            OldDatabase old(path, 3);
            QVERIFY2(old.ok(), qPrintable(old.error()));
            QCOMPARE(old.version(), 3);
            QVERIFY2(
                old.exec("INSERT INTO conversations (id, title, created, updated) VALUES (1, '대화', 1, 2)"),
                qPrintable(old.error()));
            QVERIFY2(
                old.exec("INSERT INTO messages (conversation_id, role, content, created, completion_tokens, "
                         "finished) VALUES (1, 'user', '질문', 1, 0, 1), (1, 'assistant', 'an answer', 2, "
                         "9, 1), (1, 'assistant', 'cut', 3, 1, 0)"),
                qPrintable(old.error()));
        }
        Storage s;
        QVERIFY2(s.open(tmp.path()), qPrintable(s.errorString()));
        QCOMPARE(s.schemaVersion(), schema::currentVersion());
        const auto messages = s.messages(1);
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(1).content, QStringLiteral("an answer"));
        QCOMPARE(messages.at(1).completionTokens, 9);
        QVERIFY(messages.at(1).finished);
        QCOMPARE(messages.at(1).stopReason, QString());
        QVERIFY(!messages.at(2).finished);
        QCOMPARE(s.search("answer").size(), 1);
        QVERIFY(s.finishMessage(messages.at(2).id, 4, 2, QStringLiteral("cancelled")));
        QCOMPARE(s.message(messages.at(2).id)->stopReason, QStringLiteral("cancelled"));
        QVERIFY(s.message(messages.at(2).id)->finished);
    }

    void failedStepLeavesPreviousVersion() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(Storage::databaseFileName());
        {
            OldDatabase old(path, 2);
            QVERIFY(old.ok());
            // Something an upgrade cannot cope with: v3 wants to create this table.
            QVERIFY(old.exec("CREATE TABLE documents (x)"));
            QVERIFY(
                old.exec("INSERT INTO conversations (title, created, updated) VALUES ('still here', 1, 1)"));
        }
        {
            Storage s;
            QVERIFY(!s.open(tmp.path()));
            QVERIFY2(s.errorString().contains("upgrade"), qPrintable(s.errorString()));
        }
        OldDatabase reopened(path, 0);
        QCOMPARE(reopened.version(), 2);
        QVERIFY(reopened.exec("SELECT 1 FROM conversations WHERE title = 'still here'"));
    }
};

QTEST_GUILESS_MAIN(TestStorageMigrations)
#include "tst_storage_migrations.moc"
