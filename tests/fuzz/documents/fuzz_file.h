#pragma once
// The extractors read files by path (libzip and poppler need one): each fuzz input is written to one
// file per target in a private temporary folder (on tmpfs where TMPDIR points there), rewritten in place.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

class FuzzFile {
public:
    explicit FuzzFile(const char* suffix)
        : path_(dir_.filePath(QStringLiteral("input") + QLatin1String(suffix))) {
        if (!dir_.isValid()) std::abort();
    }
    void write(const uint8_t* data, size_t size) {
        QFile f(path_);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) std::abort();
        if (f.write(reinterpret_cast<const char*>(data), qint64(size)) != qint64(size)) std::abort();
    }
    const QString& path() const { return path_; }

private:
    QTemporaryDir dir_;
    QString path_;
};
