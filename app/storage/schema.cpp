#include "storage/schema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace sosoik::storage::schema {
namespace {

// v1: the first release — conversations and messages.
const char* const kV1[] = {
    R"(CREATE TABLE conversations (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        created INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        system_prompt TEXT NOT NULL DEFAULT '',
        model_path TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'chat' CHECK (kind IN ('chat', 'quick', 'document'))))",
    R"(CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        content TEXT NOT NULL DEFAULT '',
        created INTEGER NOT NULL,
        model TEXT NOT NULL DEFAULT '',
        prompt_tokens INTEGER NOT NULL DEFAULT 0,
        completion_tokens INTEGER NOT NULL DEFAULT 0))",
    "CREATE INDEX messages_by_conversation ON messages(conversation_id, id)",
    "CREATE INDEX conversations_by_updated ON conversations(updated)",
};

// v2: full-text search (trigram: substring matching that works for Korean), generation settings,
// soft delete, and a flag for answers still being streamed.
const char* const kV2[] = {
    "ALTER TABLE conversations ADD COLUMN temperature REAL",
    "ALTER TABLE conversations ADD COLUMN top_p REAL",
    "ALTER TABLE conversations ADD COLUMN top_k INTEGER",
    "ALTER TABLE conversations ADD COLUMN max_new_tokens INTEGER",
    "ALTER TABLE conversations ADD COLUMN context_length INTEGER",
    "ALTER TABLE conversations ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE messages ADD COLUMN settings TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE messages ADD COLUMN finished INTEGER NOT NULL DEFAULT 1",
    R"(CREATE VIRTUAL TABLE messages_fts USING fts5(
        content, content='messages', content_rowid='id', tokenize='trigram'))",
    "INSERT INTO messages_fts(messages_fts) VALUES ('rebuild')",
    R"(CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
    END)",
    R"(CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
    END)",
    R"(CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
        INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.id, old.content);
        INSERT INTO messages_fts(rowid, content) VALUES (new.id, new.content);
    END)",
};

// v3: documents attached to a conversation (summarization), split into searchable chunks.
const char* const kV3[] = {
    R"(CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        path TEXT NOT NULL DEFAULT '',
        pages INTEGER NOT NULL DEFAULT 0,
        created INTEGER NOT NULL))",
    "CREATE INDEX documents_by_conversation ON documents(conversation_id)",
    R"(CREATE TABLE document_chunks (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        page INTEGER NOT NULL DEFAULT 0,
        section TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        UNIQUE (document_id, ordinal)))",
    R"(CREATE VIRTUAL TABLE document_chunks_fts USING fts5(
        text, content='document_chunks', content_rowid='id', tokenize='trigram'))",
    R"(CREATE TRIGGER document_chunks_fts_insert AFTER INSERT ON document_chunks BEGIN
        INSERT INTO document_chunks_fts(rowid, text) VALUES (new.id, new.text);
    END)",
    R"(CREATE TRIGGER document_chunks_fts_delete AFTER DELETE ON document_chunks BEGIN
        INSERT INTO document_chunks_fts(document_chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END)",
    R"(CREATE TRIGGER document_chunks_fts_update AFTER UPDATE OF text ON document_chunks BEGIN
        INSERT INTO document_chunks_fts(document_chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO document_chunks_fts(rowid, text) VALUES (new.id, new.text);
    END)",
};

// v4: why an answer ended early ("cancelled", "length", "context-full"; '' when the model ended it), so a
// reopened conversation still says "Stopped." under an answer the user stopped.
const char* const kV4[] = {
    "ALTER TABLE messages ADD COLUMN stop_reason TEXT NOT NULL DEFAULT ''",
};

struct Step {
    const char* const* statements;
    size_t count;
};

template <size_t N> constexpr Step step(const char* const (&statements)[N]) {
    return {statements, N};
}

const Step kSteps[] = {step(kV1), step(kV2), step(kV3), step(kV4)};

bool run(QSqlDatabase& db, const QString& sql, QString* error) {
    QSqlQuery query(db);
    if (query.exec(sql)) return true;
    if (error) *error = query.lastError().text();
    return false;
}

} // namespace

int currentVersion() {
    return int(std::size(kSteps));
}

int version(const QSqlDatabase& db, QString* error) {
    QSqlQuery query(db);
    if (!query.exec("PRAGMA user_version") || !query.next()) {
        if (error) *error = query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

bool migrate(QSqlDatabase& db, int targetVersion, QString* errorOut) {
    QString local;
    QString* error = errorOut ? errorOut : &local;
    int from = version(db, error);
    if (from < 0) return false;
    for (int v = from; v < targetVersion && v < currentVersion(); ++v) {
        if (!run(db, "BEGIN IMMEDIATE", error)) return false;
        const Step& s = kSteps[v];
        bool ok = true;
        for (size_t i = 0; ok && i < s.count; ++i)
            ok = run(db, QString::fromUtf8(s.statements[i]), error);
        // PRAGMA cannot be bound; the value is our own integer.
        if (ok) ok = run(db, QStringLiteral("PRAGMA user_version = %1").arg(v + 1), error);
        if (ok) ok = run(db, "COMMIT", error);
        if (!ok) {
            QString ignored;
            run(db, "ROLLBACK", &ignored);
            *error = QStringLiteral("schema upgrade to version %1 failed: %2").arg(v + 1).arg(*error);
            return false;
        }
    }
    return true;
}

} // namespace sosoik::storage::schema
