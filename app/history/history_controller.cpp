#include "history/history_controller.h"

#include "storage/conversation_export.h"
#include "storage/conversation_import.h"
#include "storage/storage.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

#include <thread>

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

void HistoryController::setNotice(const QString& text) {
    if (notice_ != text) {
        notice_ = text;
        emit noticeTextChanged();
    }
}

void HistoryController::dismissNotice() {
    setNotice({});
}

bool HistoryController::exportConversation(qint64 conversationId, const QUrl& file, const QString& format) {
    setNotice({}); // an earlier export's notice must not read as this one's
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty()) return setError(tr("No file was chosen for the export."));
    const bool json = format == QLatin1String("json");
    const QByteArray data = json ? storage::exportJson(*storage_, conversationId)
                                 : storage::exportMarkdown(*storage_, conversationId).toUtf8();
    if (data.isEmpty())
        return setError(tr("The conversation could not be read: %1").arg(storage_->errorString()));
    QString error;
    if (!storage::writeFileAtomically(path, data, &error)) return setError(error);
    setNotice(tr("Saved to %1").arg(QDir::toNativeSeparators(path)));
    return setError({});
}

qint64 HistoryController::importConversation(const QUrl& file) {
    if (importing_) return 0; // one at a time (the local event loop below could re-enter)
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const storage::ImportLimits limits;
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) { // a pipe or device would block the read
        setError(tr("Cannot read %1: it is not a regular file.").arg(QDir::toNativeSeparators(path)));
        return 0;
    }
    if (info.size() > limits.maxFileBytes) {
        setError(tr("%1 is %2 MB; Sosoik imports conversations up to %3 MB.")
                     .arg(QDir::toNativeSeparators(path))
                     .arg(info.size() >> 20)
                     .arg(limits.maxFileBytes >> 20));
        return 0;
    }
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        setError(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), in.errorString()));
        return 0;
    }
    const QByteArray bytes = in.read(limits.maxFileBytes + 1);
    importing_ = true;
    setImportProgress(0);
    // Checking (first half of the progress) runs on a worker thread; storing (second half) must use the
    // UI thread's database connection, so it goes in slices with repaints in between. User input waits
    // until the import is done (nothing can start a second one or edit what is being written).
    storage::ImportedConversation parsed;
    QString error;
    bool ok = false;
    QEventLoop loop;
    QPointer<HistoryController> self(this);
    std::thread worker([&] {
        ok = storage::parseConversationExport(bytes, &parsed, &error, limits, [&](double fraction) {
            QMetaObject::invokeMethod(&loop, [self, fraction] {
                if (self) self->setImportProgress(fraction / 2);
            });
        });
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    worker.join();
    const qint64 id =
        ok ? storage::storeImported(*storage_, parsed, &error,
                                    [this](double fraction) {
                                        setImportProgress(0.5 + fraction / 2);
                                        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
                                    })
           : 0;
    importing_ = false;
    setImportProgress(0);
    setError(id ? QString() : error);
    return id;
}

QUrl HistoryController::exportFolder() const {
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QUrl::fromLocalFile(QFileInfo(documents).isDir() ? documents : QDir::homePath());
}

void HistoryController::setImportProgress(double fraction) {
    importProgress_ = fraction;
    emit importProgressChanged();
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
