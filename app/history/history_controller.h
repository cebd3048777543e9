#pragma once
// HistoryController: the history feature's QML facade, the QML singleton `History` (shell/qml_types.h).
// It owns the sidebar's two models and the export/import actions; HistorySidebar.qml uses it together
// with the singleton `Chat` (openConversation, newConversation, conversationId).
#include "history/conversation_list_model.h"
#include "history/search_results_model.h"

#include <QObject>
#include <QUrl>

namespace sosoik::storage {
class Storage;
}

namespace sosoik::history {

class HistoryController : public QObject {
    Q_OBJECT
    Q_PROPERTY(sosoik::history::ConversationListModel* conversations READ conversations CONSTANT)
    Q_PROPERTY(sosoik::history::SearchResultsModel* search READ search CONSTANT)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    // After a successful export: where it was saved ("Saved to <path>"), shown briefly by the sidebar.
    Q_PROPERTY(QString noticeText READ noticeText NOTIFY noticeTextChanged)
    // While an import is read and checked (on a worker thread): true, with its progress 0..1.
    Q_PROPERTY(bool importing READ importing NOTIFY importProgressChanged)
    Q_PROPERTY(double importProgress READ importProgress NOTIFY importProgressChanged)
public:
    // Deleted conversations can be undone only while the app runs: the trash left by an earlier session
    // is purged on construction, this session's on destruction.
    explicit HistoryController(storage::Storage* storage, QObject* parent = nullptr);
    ~HistoryController() override;

    ConversationListModel* conversations() { return &conversations_; }
    SearchResultsModel* search() { return &search_; }
    QString errorText() const { return error_; }
    QString noticeText() const { return notice_; }
    bool importing() const { return importing_; }
    double importProgress() const { return importProgress_; }

    // format: "markdown" or "json". True on success; otherwise errorText says why.
    Q_INVOKABLE bool exportConversation(qint64 conversationId, const QUrl& file, const QString& format);
    // Adds the conversation from a JSON export; its id, or 0 (errorText says why). The file is untrusted:
    // bounded and validated (storage/conversation_import.h) on a worker thread while the UI keeps running
    // (a local event loop, so the QML caller keeps its simple "returns the id" contract), then stored.
    Q_INVOKABLE qint64 importConversation(const QUrl& file);
    // "<title>.md" / ".json" with characters that are unsafe in file names replaced.
    Q_INVOKABLE QString suggestedFileName(qint64 conversationId, const QString& format) const;
    // Where exports start: the Documents folder when it exists (a fresh profile may have none), else home.
    Q_INVOKABLE QUrl exportFolder() const;
    Q_INVOKABLE void dismissError();
    Q_INVOKABLE void dismissNotice();

signals:
    void errorTextChanged();
    void noticeTextChanged();
    void importProgressChanged();

private:
    bool setError(const QString& text);
    void setNotice(const QString& text);
    void setImportProgress(double fraction);

    storage::Storage* storage_;
    ConversationListModel conversations_;
    SearchResultsModel search_;
    QString error_;
    QString notice_;
    bool importing_ = false;
    double importProgress_ = 0;
};

} // namespace sosoik::history
