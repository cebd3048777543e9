#pragma once
// Full-text search results for the sidebar: set `query` (typing is debounced) and the model fills
// with matching conversation titles and messages, newest first, each with a highlighted snippet
// (HTML for Text.StyledText). Results refresh when conversations or messages change.
#include "storage/storage_types.h"

#include <QAbstractListModel>
#include <QList>
#include <QTimer>

namespace sosoik::storage {
class Storage;
}

namespace sosoik::history {

class SearchResultsModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(bool active READ active NOTIFY queryChanged) // a non-blank query is set
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)
    Q_PROPERTY(int debounceMs READ debounceMs WRITE setDebounceMs NOTIFY debounceMsChanged)
    Q_PROPERTY(qint64 lastSearchMs READ lastSearchMs NOTIFY countChanged) // how long the last search took
public:
    enum Roles {
        ConversationIdRole = Qt::UserRole + 1,
        MessageIdRole, // 0 for a title match
        TitleRole,     // the conversation's title
        SnippetRole,   // HTML: escaped text with matches in <b>
        RoleRole,      // "user", "assistant", ... ("" for a title match)
        CreatedRole,
        IsTitleMatchRole
    };
    Q_ENUM(Roles)

    explicit SearchResultsModel(storage::Storage* storage, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString query() const { return query_; }
    void setQuery(const QString& query); // searches after debounceMs of quiet
    bool active() const { return !query_.trimmed().isEmpty(); }
    int limit() const { return limit_; }
    void setLimit(int limit);
    int debounceMs() const { return debounce_.interval(); }
    void setDebounceMs(int ms);
    qint64 lastSearchMs() const { return lastSearchMs_; }

    Q_INVOKABLE void searchNow(); // runs a pending search immediately
    Q_INVOKABLE void clear();     // empties the query and the results

signals:
    void queryChanged();
    void countChanged();
    void limitChanged();
    void debounceMsChanged();

private:
    void scheduleRefresh();

    storage::Storage* storage_;
    QString query_;
    int limit_ = 100;
    qint64 lastSearchMs_ = 0;
    QTimer debounce_;
    QList<storage::SearchHit> hits_;
};

} // namespace sosoik::history
