#include "library/file_hash.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace sosoik::app {

QString sha256OfFile(const QString& path, QString* error, const std::atomic<bool>* cancel) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        if (cancel && cancel->load()) {
            if (error) *error = QStringLiteral("cancelled");
            return {};
        }
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0) {
            if (error) *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return {};
        }
        if (n == 0) break;
        hash.addData(QByteArrayView(buffer.constData(), n));
    }
    return QString::fromLatin1(hash.result().toHex());
}

QString recordedSha256(const QString& modelPath) {
    QFile file(modelPath + QStringLiteral(".sha256"));
    if (file.size() > 4096 || !file.open(QIODevice::ReadOnly)) return {};
    static const QRegularExpression digest(QStringLiteral("^([0-9a-f]{64})\\b"));
    const auto m = digest.match(QString::fromLatin1(file.readAll()));
    return m.hasMatch() ? m.captured(1) : QString();
}

bool writeRecordedSha256(const QString& modelPath, const QString& sha256) {
    QSaveFile file(modelPath + QStringLiteral(".sha256"));
    if (!file.open(QIODevice::WriteOnly)) return false;
    file.write((sha256 + QStringLiteral("  ") + QFileInfo(modelPath).fileName() + '\n').toUtf8());
    return file.commit();
}

QString sha256FromEtag(QByteArray etag) {
    etag = etag.trimmed();
    if (etag.startsWith("W/")) etag = etag.mid(2);
    const QString value = QString::fromLatin1(etag).remove('"').toLower();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(value).hasMatch() ? value : QString();
}

} // namespace sosoik::app
