#include "history/history_controller.h"

#include "storage/conversation_export.h"
#include "storage/storage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

namespace sosoik::history {

HistoryController::HistoryController(storage::Storage* storage, QObject* parent)
    : QObject(parent), storage_(storage), conversations_(storage), search_(storage) {
    if (storage_->isOpen()) storage_->purgeDeletedConversations();
}

HistoryController::~HistoryController() {
    if (storage_->isOpen()) storage_->purgeDeletedConversations();
}

bool HistoryController::setError(const QString& text) {
    if (error_ != text) {
        error_ = text;
        emit errorTextChanged();
    }
    return text.isEmpty();
}

void HistoryController::dismissError() {
    setError({});
}

bool HistoryController::exportConversation(qint64 conversationId, const QUrl& file, const QString& format) {
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty()) return setError(tr("No file was chosen for the export."));
    const bool json = format == QLatin1String("json");
    const QByteArray data = json ? storage::exportJson(*storage_, conversationId)
                                 : storage::exportMarkdown(*storage_, conversationId).toUtf8();
    if (data.isEmpty())
        return setError(tr("The conversation could not be read: %1").arg(storage_->errorString()));
    QString error;
    if (!storage::writeFileAtomically(path, data, &error)) return setError(error);
    return setError({});
}

qint64 HistoryController::importConversation(const QUrl& file) {
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        setError(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), in.errorString()));
        return 0;
    }
    QString error;
    const qint64 id = storage::importJson(*storage_, in.readAll(), &error);
    setError(id ? QString() : error);
    return id;
}

QUrl HistoryController::exportFolder() const {
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QUrl::fromLocalFile(QFileInfo(documents).isDir() ? documents : QDir::homePath());
}

QString HistoryController::suggestedFileName(qint64 conversationId, const QString& format) const {
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]+"));
    const auto c = storage_->conversation(conversationId);
    QString base = c ? c->title : QString();
    base.replace(unsafe, QStringLiteral("_"));
    base = base.trimmed();
    if (base.isEmpty()) base = tr("conversation");
    return base + (format == QLatin1String("json") ? QStringLiteral(".json") : QStringLiteral(".md"));
}

} // namespace sosoik::history
