#pragma once
// The messages of the open conversation, as the chat view shows them. Rows mirror the stored
// messages (storage ids) plus view-only state: whether an answer is still streaming and its
// Markdown split into prose / code segments.
#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QTimer>
#include <QVariantMap>

namespace sosoik::app {

struct ChatRow {
    qint64 id = 0; // storage message id (0 until stored)
    QString role;  // "user", "assistant", "system"
    QString content;
    bool streaming = false;
    QDateTime created;
    int completionTokens = 0;
    QString note; // shown under the message, e.g. "Stopped" or why it failed

    // An assistant's folded reasoning (chat/thinking.h); the blocks below show content from answerStart.
    QString thinking;
    bool hasThinking = false;
    bool thinkingOpen = false;
    qsizetype answerStart = 0;

    // The content as Markdown blocks (markdown_segments.h): those with a successor never change again,
    // so a streaming answer parses only its last block (issue #13: re-rendering the whole answer on every
    // token made the GUI ~3x slower than the CLI). Kept up to date by ChatMessageModel.
    QVariantList settledBlocks;
    QVariantMap tailBlock;
    qsizetype settledChars = 0; // content[0, settledChars) is what settledBlocks show
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
        SettledBlocksRole, // QVariantList of segment maps: the blocks that will not change
        TailBlockRole,     // the last block (a segment map; empty without content)
        ThinkingRole,      // the reasoning before the answer ("" without one)
        HasThinkingRole,
        ThinkingOpenRole, // still thinking: no </think> yet
        AnswerRole,       // the content without the reasoning (what Copy copies)
    };
    Q_ENUM(Role)

    explicit ChatMessageModel(QObject* parent = nullptr);

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

    // Text appended while streaming reaches views at most 20 times a second: content() is current at
    // once, the view's dataChanged comes from flush() (on a timer, or when the row stops streaming).
    // 20 Hz rather than every 16 ms frame: text is read, not animated, and on 2 cores the UI thread's
    // CPU per 200-token answer fell from 0.80 to 0.56 s (tools/bench/gui_vs_cli.sh, SmolLM2, Xvfb).
    static constexpr int kFrameMs = 50;
    void flush();
    // How many dataChanged notifications text updates produced (coalescing is measured by tests).
    int textNotifications() const { return textNotifications_; }

signals:
    void countChanged();

private:
    void changed(int row, const QList<int>& roles);
    void contentChanged(int row); // re-splits the row's unsettled tail and notifies
    static void updateBlocks(ChatRow& row, bool fromScratch);
    // Splits off the reasoning again; true when where the answer starts changed (blocks re-split).
    static bool updateThinking(ChatRow& row);
    QList<ChatRow> rows_;
    QSet<int> dirtyRows_; // rows with text the view has not been told about (flushed before rows move)
    QTimer frame_;
    int textNotifications_ = 0;
};

} // namespace sosoik::app
