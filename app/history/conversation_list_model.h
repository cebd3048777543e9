#pragma once
// The sidebar's conversation list: every conversation that is not deleted, most recent activity
// first. It follows Storage's signals (rows move to the top as they get activity) instead of
// reloading, so it stays cheap with thousands of conversations. Writes made by another Storage
// instance (another thread/process) show up after reload().
#include "storage/storage_types.h"

#include <QAbstractListModel>
#include <QList>

namespace sosoik::storage {
class Storage;
}

namespace sosoik::history {

class ConversationListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoChanged)
    Q_PROPERTY(QString undoTitle READ undoTitle NOTIFY undoChanged)
public:
    enum Roles {
        ConversationIdRole = Qt::UserRole + 1,
        TitleRole,   // may be empty: the view shows a translated "New chat"
        UpdatedRole, // QDateTime of the last activity
        KindRole,    // "chat", "quick", "document"
        AgeGroupRole // "today", "yesterday", "week", "older": sections of the list
    };
    Q_ENUM(Roles)

    explicit ConversationListModel(storage::Storage* storage, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void reload();
    Q_INVOKABLE int indexOf(qint64 conversationId) const; // -1 when not listed
    Q_INVOKABLE qint64 conversationIdAt(int row) const;   // 0 when out of range
    Q_INVOKABLE QString titleOf(qint64 conversationId) const;
    // Returns an empty, untitled conversation at the top when there is one (so repeated "New chat"
    // clicks do not pile up empty conversations), otherwise creates one. 0 on failure.
    Q_INVOKABLE qint64 newConversation(const QString& kind = QStringLiteral("chat"));
    Q_INVOKABLE bool rename(qint64 conversationId, const QString& title);
    // Soft delete: hidden at once and restorable with undoRemove() until clearUndo()/purge.
    Q_INVOKABLE bool remove(qint64 conversationId);
    Q_INVOKABLE qint64 undoRemove(); // restores the most recently removed; its id, or 0
    Q_INVOKABLE void clearUndo();    // forgets the undo history (rows stay in the trash until purged)

    bool canUndo() const { return !removed_.isEmpty(); }
    QString undoTitle() const;
    // Classifies a time relative to now for the list's sections.
    static QString ageGroup(const QDateTime& time, const QDateTime& now);

signals:
    void countChanged();
    void undoChanged();

private:
    void onAdded(qint64 id);
    void onChanged(qint64 id);
    void onRemoved(qint64 id);
    void place(const storage::Conversation& c); // inserts or moves to its place by activity
    int sortedPosition(const storage::Conversation& c, int ignoreRow) const;

    storage::Storage* storage_;
    QList<storage::Conversation> rows_;
    QList<storage::Conversation> removed_; // undo stack, newest last
};

} // namespace sosoik::history
