#pragma once
// The XML parts of a zipped document (.docx, .pptx, .xlsx, .hwpx, .odt) streamed through
// QXmlStreamReader without holding any part whole. Every format reader goes through here, so the
// limits of issue #19 (bytes per part and per archive, nesting depth, cancellation) hold for all of
// them, and progress is the share of the declared bytes of the parts to be read.
#include "documents/extractors.h"

#include <QHash>
#include <QXmlStreamReader>
#include <functional>
#include <memory>

struct zip;

namespace sosoik::documents::detail {

class ZipParts {
public:
    // Opens the archive; throws DocumentError(Corrupt) when it is not a readable zip.
    ZipParts(const QString& path, BlockEmitter& out);
    ~ZipParts();
    ZipParts(const ZipParts&) = delete;
    ZipParts& operator=(const ZipParts&) = delete;

    bool has(const QString& entry) const;
    // The entries' uncompressed sizes as the archive declares them (0 for a missing one).
    qint64 declaredSize(const QStringList& entries) const;
    // The parts about to be read: progress runs from 0 to 1 over their declared size.
    void planReading(const QStringList& entries) { progressTotal_ = declaredSize(entries); }

    // Streams one part; handler sees every token. Throws DocumentError on a damaged part, a limit or a
    // cancel request. A missing part throws Corrupt.
    void readXml(const QString& entry, const std::function<void(QXmlStreamReader&)>& handler);

    const QString& fileName() const { return out_.fileName(); }

private:
    DocumentError entryTooLarge(const QString& entry) const;
    DocumentError archiveTooLarge() const;

    BlockEmitter& out_;
    zip* archive_ = nullptr;
    qint64 archiveBytes_ = 0; // decompressed so far, all parts
    qint64 progressTotal_ = 0;
};

// OOXML relationships (part/_rels/name.rels): id -> {type, resolved part path inside the archive}.
struct Relationship {
    QString type; // the last segment of the type URI: "slide", "notesSlide", "worksheet", ...
    QString target;
};
QHash<QString, Relationship> readRelationships(ZipParts& parts, const QString& partPath);

} // namespace sosoik::documents::detail
