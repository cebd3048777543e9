#pragma once
// Sosoik's conversation store: one SQLite database (Qt SQL, QSQLITE) in the app data directory.
//
// Usage (GUI thread):
//   sosoik::storage::Storage store;
//   if (!store.open(dataDirFromCommandLineOrEmpty)) showError(store.errorString());
//   if (!store.openNotice().isEmpty()) showWarning(store.openNotice()); // e.g. corrupt db moved aside
//   qint64 chat = store.createConversation();                 // kind Chat, empty title
//   store.addMessage(chat, "user", prompt);                   // auto-titles an untitled conversation
//   qint64 answer = store.beginMessage(chat, "assistant", modelName, settings); // finished = false
//   StreamingMessageWriter w(&store, answer);  w.append(piece) ... w.finish(promptTok, genTok);
//     (or call updateMessageContent(answer, fullTextSoFar) yourself every ~250 ms, then finishMessage)
//   store.deleteMessagesFrom(chat, messageId);                // regenerate / edit-and-resend
//   store.messages(chat);  store.conversations();  store.search(u"반갑"_s);
//
// Every write is its own committed transaction unless wrapped in Transaction, so a crash keeps all
// that was written. Failures never throw: bool/0/nullopt returns, errorString() and errorOccurred()
// carry a human-readable message (disk full, read-only, corrupt, ...).
// Threads: a Storage belongs to the thread that opened it. Another thread (e.g. the engine worker) may
// open its own Storage on the same data directory (WAL lets readers and one writer work side by side).
// Timestamps are stored as UTC milliseconds since the epoch.
#include "storage/storage_types.h"

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

class QSqlQuery;

namespace sosoik::storage {

class Storage : public QObject {
    Q_OBJECT
public:
    explicit Storage(QObject* parent = nullptr);
    ~Storage() override;

    static QString defaultDataDir();   // QStandardPaths::AppDataLocation
    static QString databaseFileName(); // "sosoik.db"
    static int currentSchemaVersion();

    // Opens (creating the folder 0700 and the file 0600 when missing) <dataDir>/sosoik.db, migrates it to the
    // current schema. dataDir empty = defaultDataDir() (always kept 0700). A corrupt file is moved aside
    // (never overwritten) and a fresh database is created; openNotice() then says where the old one went.
    bool open(const QString& dataDir = {});
    void close();
    bool isOpen() const;
    QString dataDir() const;
    QString databasePath() const;
    QString errorString() const;   // the last failure, human-readable
    QString openNotice() const;    // non-fatal message from open() (empty when all was fine)
    int schemaVersion() const;     // PRAGMA user_version of the open database
    QSqlDatabase database() const; // for tests and advanced queries; same thread only

    // ---- conversations (listing hides soft-deleted ones, newest activity first) ----
    qint64 createConversation(ConversationKind kind = ConversationKind::Chat, const QString& title = {},
                              const QString& systemPrompt = {}, const GenerationSettings& settings = {},
                              const QString& modelPath = {}); // 0 on failure
    std::optional<Conversation> conversation(qint64 id) const;
    QList<Conversation> conversations(int limit = -1) const;
    QList<Conversation> deletedConversations() const;
    bool setTitle(qint64 id, const QString& title);
    bool setSystemPrompt(qint64 id, const QString& systemPrompt);
    bool setSettings(qint64 id, const GenerationSettings& settings);
    bool setModelPath(qint64 id, const QString& modelPath);
    bool touch(qint64 id);                         // marks activity now: moves the conversation to the top
    bool deleteConversation(qint64 id);            // soft delete: hidden, restorable
    bool restoreConversation(qint64 id);           // undo of deleteConversation
    bool deleteConversationPermanently(qint64 id); // removes it with its messages and documents
    int purgeDeletedConversations();               // permanently removes all soft-deleted; -1 on error
    static QString autoTitle(const QString& firstUserMessage); // first line, trimmed to ~48 chars

    // ---- messages (ordered by id = creation order) ----
    qint64 addMessage(qint64 conversationId, const QString& role, const QString& content);
    qint64 addMessage(const Message& message); // uses every field but id/created; 0 on failure
    // Adds them all to conversationId (their conversationId is ignored) in one transaction with one
    // messagesChanged/conversationChanged at the end (bulk import). progress (optional) gets 0..1.
    bool addMessages(qint64 conversationId, const QList<Message>& messages,
                     const std::function<void(double)>& progress = {});
    // Starts a message that will be streamed into (finished = false until finishMessage).
    qint64 beginMessage(qint64 conversationId, const QString& role, const QString& model = {},
                        const GenerationSettings& settings = {});
    bool updateMessageContent(qint64 messageId, const QString& content); // replaces; one commit
    bool appendToMessage(qint64 messageId, const QString& chunk);        // appends; one commit
    // stopReason: why it ended early (Message::stopReason), "" when the model ended it.
    bool finishMessage(qint64 messageId, int promptTokens = -1, int completionTokens = -1,
                       const QString& stopReason = {});
    bool setMessageTokens(qint64 messageId, int promptTokens, int completionTokens);
    std::optional<Message> message(qint64 id) const;
    QList<Message> messages(qint64 conversationId) const;
    int messageCount(qint64 conversationId) const;
    bool deleteMessage(qint64 messageId);
    bool deleteMessagesFrom(qint64 conversationId, qint64 fromMessageId);   // that one and all later
    bool deleteMessagesAfter(qint64 conversationId, qint64 afterMessageId); // all later, keeps it

    // ---- search across all messages (Korean-safe: trigram FTS5, LIKE for 1-2 character terms) ----
    // Whitespace-separated terms must all occur in one message (or title). Newest first.
    QList<SearchHit> search(const QString& query, int limit = 100) const;

    // ---- documents (summarization feature) ----
    qint64 addDocument(const Document& document);                                  // 0 on failure
    bool addDocumentChunks(qint64 documentId, const QList<DocumentChunk>& chunks); // one transaction
    QList<Document> documents(qint64 conversationId) const;
    QList<DocumentChunk> documentChunks(qint64 documentId) const;
    QList<DocumentChunk> searchDocumentChunks(qint64 documentId, const QString& query, int limit = 20) const;
    bool deleteDocument(qint64 documentId);

    // Groups many writes into one commit (bulk import, tests). Nestable; rolls back unless committed.
    class Transaction {
    public:
        explicit Transaction(Storage& storage);
        ~Transaction();
        bool commit();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;

    private:
        Storage& storage_;
        bool ok_ = false;
        bool done_ = false;
    };

signals:
    void conversationAdded(qint64 id);
    void conversationChanged(qint64 id); // title, settings, activity time
    void conversationRemoved(qint64 id); // soft or permanent
    void conversationRestored(qint64 id);
    void messagesChanged(qint64 conversationId); // added / deleted / finished (not every stream update)
    void errorOccurred(const QString& message);

private:
    friend class Transaction;
    bool begin();
    bool commitOrRollback(bool ok);
    bool exec(QSqlQuery& query) const;       // reports failures
    bool fail(const QString& message) const; // records + emits errorOccurred; returns false
    enum class Integrity { Ok, Damaged, Unreadable };
    bool openFile(const QString& path);
    Integrity checkIntegrity(QString* error) const;
    bool prepareOpenDatabase(QString* error);
    void closeConnection(bool checkpoint);
    bool openConnection(const QString& path, QString* error);
    bool setConversationField(qint64 id, const char* column, const QVariant& value, bool touchIt);
    bool touchLocked(qint64 id);
    bool autoTitleLocked(qint64 conversationId, const QString& firstUserMessage);
    bool deleteMessagesWhere(qint64 conversationId, const char* op, qint64 messageId);
    QList<Conversation> queryConversations(const QString& where, int limit) const;

    QString connectionName_;
    QString dataDir_;
    QString path_;
    QString notice_;
    mutable QString error_;
    int txDepth_ = 0;
    bool txFailed_ = false;
};

} // namespace sosoik::storage
