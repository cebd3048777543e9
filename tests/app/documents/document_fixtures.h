#pragma once
// Shared by the document tests: run an extraction and collect its blocks, write fixture files and
// zip archives (libzip, as the app reads them).
#include "documents/document_extractor.h"

#include <QFile>
#include <QTest>
#include <zip.h>

namespace sosoik::documents::fixtures {

struct Extracted {
    ExtractInfo info;
    QList<TextBlock> blocks;
    QList<double> progress;
    QStringList texts() const {
        QStringList parts;
        for (const auto& b : blocks)
            parts << b.text;
        return parts;
    }
    QString all() const { return texts().join(QLatin1Char('\n')); }
};

inline Extracted extract(const QString& path, ExtractOptions options = {}) {
    Extracted e;
    options.progress = [&](double p) { e.progress << p; };
    e.info = extractDocument(
        path,
        [&](const TextBlock& b) {
            e.blocks << b;
            return true;
        },
        options);
    return e;
}

inline void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

inline void writeZip(const QString& path, const QList<QPair<QString, QByteArray>>& entries) {
    int error = 0;
    zip_t* z = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    QVERIFY(z);
    QList<QByteArray> keepAlive; // libzip reads the buffers at zip_close
    for (const auto& [name, data] : entries) {
        keepAlive << data;
        zip_source_t* src = zip_source_buffer(z, keepAlive.last().constData(), keepAlive.last().size(), 0);
        QVERIFY(zip_file_add(z, name.toUtf8().constData(), src, ZIP_FL_ENC_UTF_8) >= 0);
    }
    QCOMPARE(zip_close(z), 0);
}

} // namespace sosoik::documents::fixtures
