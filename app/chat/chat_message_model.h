#pragma once
// The messages of the open conversation, as the chat view shows them. Rows mirror the stored
// messages (storage ids) plus view-only state: whether an answer is still streaming and its
// Markdown split into prose / code segments.
#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

namespace sosoik::app {

struct ChatRow {
    qint64 id = 0; // storage message id (0 until stored)
    QString role;  // "user", "assistant", "system"
    QString content;
    bool streaming = false;
    QDateTime created;
    int completionTokens = 0;
    QString note; // shown under the message, e.g. "Stopped" or why it failed
};

class ChatMessageModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        RoleRole,
        ContentRole,
        SegmentsRole,
        StreamingRole,
        CreatedRole,
        TokensRole,
        NoteRole,
        IsLastRole,
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRows(const QList<ChatRow>& rows);
    const QList<ChatRow>& rows() const { return rows_; }
    const ChatRow& at(int row) const { return rows_.at(row); }
    int append(const ChatRow& row); // returns its index
    void appendText(int row, const QString& chunk);
    void setContent(int row, const QString& content);
    void setStreaming(int row, bool streaming);
    void setTokens(int row, int completionTokens);
    void setNote(int row, const QString& note);
    void setId(int row, qint64 id);
    void removeFrom(int row); // removes row and all after it
    void removeAt(int row);
    int rowOfId(qint64 id) const; // -1 when absent
    Q_INVOKABLE QString contentAt(int row) const;

signals:
    void countChanged();

private:
    void changed(int row, const QList<int>& roles);
    QList<ChatRow> rows_;
};

} // namespace sosoik::app
