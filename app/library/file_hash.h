#pragma once
// sha256 of a file, read in 1 MiB pieces so that a multi-GB model neither fills memory nor blocks a
// cancel for long.
#include <QString>

#include <atomic>

namespace sosoik::app {

// Lower-case hex digest, or "" with *error set when the file cannot be read (or *cancel was set).
QString sha256OfFile(const QString& path, QString* error = nullptr,
                     const std::atomic<bool>* cancel = nullptr);

// The digest Sosoik recorded beside a file it installed (<file>.sha256, sha256sum's format), or "".
QString recordedSha256(const QString& modelPath);
bool writeRecordedSha256(const QString& modelPath, const QString& sha256);

// The sha256 in an ETag header (Hugging Face's X-Linked-Etag of an LFS file: quoted, maybe weak), or "".
QString sha256FromEtag(QByteArray etag);

} // namespace sosoik::app
