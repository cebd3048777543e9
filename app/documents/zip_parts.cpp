#include "documents/zip_parts.h"

#include <QDir>
#include <QFileInfo>
#include <vector>
#include <zip.h>

namespace sosoik::documents::detail {
namespace {
using Kind = DocumentError::Kind;

// QXmlStreamReader hands over a text node only once it is complete, so one giant <t> (or a run of
// whitespace between elements) would sit in memory whole. Feeding the bytes through this splits every
// run of character data longer than kMaxRunBytes with an empty comment, which ends the Characters token
// without changing the text: memory per token stays bounded. Only between '>' and '<', never inside an
// entity reference or a UTF-8 sequence.
class TextRunSplitter {
public:
    static constexpr qsizetype kMaxRunBytes = 256 * 1024;

    QByteArray feed(const char* data, qsizetype size) {
        QByteArray out;
        out.reserve(size + 64);
        qsizetype from = 0;
        for (qsizetype i = 0; i < size; ++i) {
            const char c = data[i];
            if (c == '<') {
                inTag_ = true;
            } else if (c == '>') {
                inTag_ = false;
                run_ = 0;
                continue;
            }
            if (inTag_) continue;
            if (c == '&')
                entity_ = 1;
            else if (entity_ > 0 && ++entity_ > 64)
                entity_ = 0; // no entity is that long: not one
            const bool inEntity_ = entity_ > 0;
            if (++run_ > kMaxRunBytes && !inEntity_ && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
                out.append(data + from, i - from);
                out.append("<!---->");
                from = i;
                run_ = 1;
            }
            if (c == ';') entity_ = 0;
        }
        out.append(data + from, size - from);
        return out;
    }

private:
    qsizetype run_ = 0;
    int entity_ = 0; // bytes since an '&' not yet closed by ';'
    bool inTag_ = false;
};

} // namespace

ZipParts::ZipParts(const QString& path, BlockEmitter& out) : out_(out) {
    int error = 0;
    archive_ = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &error);
    if (!archive_)
        throw DocumentError(
            Kind::Corrupt,
            QObject::tr("%1 is damaged: it is not a readable zip archive.").arg(QFileInfo(path).fileName()));
}

ZipParts::~ZipParts() {
    zip_discard(archive_);
}

bool ZipParts::has(const QString& entry) const {
    return zip_name_locate(archive_, entry.toUtf8().constData(), 0) >= 0;
}

qint64 ZipParts::declaredSize(const QStringList& entries) const {
    qint64 total = 0;
    for (const QString& entry : entries) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat(archive_, entry.toUtf8().constData(), 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE))
            total += qint64(stat.size);
    }
    return total;
}

DocumentError ZipParts::entryTooLarge(const QString& entry) const {
    return DocumentError(Kind::TooLarge,
                         QObject::tr("%1 is not a normal document: its part %2 expands to more than %3 MB "
                                     "(the limit for one part).")
                             .arg(fileName(), entry)
                             .arg(out_.options().maxEntryBytes >> 20));
}

DocumentError ZipParts::archiveTooLarge() const {
    return DocumentError(Kind::TooLarge, QObject::tr("%1 is not a normal document: it expands to more than "
                                                     "%2 MB (the limit for one archive).")
                                             .arg(fileName())
                                             .arg(out_.options().maxArchiveBytes >> 20));
}

void ZipParts::readXml(const QString& entry, const std::function<void(QXmlStreamReader&)>& handler) {
    const ExtractOptions& limits = out_.options();
    const QByteArray name = entry.toUtf8();
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive_, name.constData(), 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)) {
        // Declared sizes can lie, so the bytes are counted below too; an honest bomb fails at once.
        if (qint64(stat.size) > limits.maxEntryBytes) throw entryTooLarge(entry);
        if (archiveBytes_ + qint64(stat.size) > limits.maxArchiveBytes) throw archiveTooLarge();
    }
    zip_file_t* f = zip_fopen(archive_, name.constData(), 0);
    if (!f) {
        const int code = zip_error_code_zip(zip_get_error(archive_));
        if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
            throw DocumentError(
                Kind::Encrypted,
                QObject::tr("%1 is password-protected; remove the password and try again.").arg(fileName()));
        throw DocumentError(Kind::Corrupt,
                            QObject::tr("%1 is damaged: %2 cannot be read.").arg(fileName(), entry));
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(f, &zip_fclose);
    QXmlStreamReader xml;
    TextRunSplitter splitter;
    std::vector<char> buffer(64 * 1024);
    qint64 entryBytes = 0;
    int depth = 0;
    bool more = true;
    while (true) {
        out_.checkCancel();
        if (more) {
            const zip_int64_t n = zip_fread(f, buffer.data(), buffer.size());
            if (n < 0)
                throw DocumentError(
                    Kind::Corrupt,
                    QObject::tr("%1 is damaged: %2 cannot be decompressed.").arg(fileName(), entry));
            entryBytes += n;
            archiveBytes_ += n;
            if (entryBytes > limits.maxEntryBytes) throw entryTooLarge(entry);
            if (archiveBytes_ > limits.maxArchiveBytes) throw archiveTooLarge();
            if (n == 0)
                more = false;
            else
                xml.addData(splitter.feed(buffer.data(), static_cast<qsizetype>(n)));
            if (progressTotal_ > 0) out_.progress(qMin(1.0, double(archiveBytes_) / double(progressTotal_)));
        }
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.hasError()) break;
            if (xml.isStartElement() && ++depth > limits.maxXmlDepth)
                throw DocumentError(Kind::Corrupt,
                                    QObject::tr("%1 is not a normal document: its XML is nested more than %2 "
                                                "levels deep (the limit).")
                                        .arg(fileName())
                                        .arg(limits.maxXmlDepth));
            if (xml.isEndElement()) --depth;
            handler(xml);
        }
        if (xml.error() == QXmlStreamReader::PrematureEndOfDocumentError && more) continue;
        break;
    }
    if (xml.hasError() && xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
        throw DocumentError(Kind::Corrupt,
                            QObject::tr("%1 is damaged: %2 (%3).").arg(fileName(), entry, xml.errorString()));
}

QHash<QString, Relationship> readRelationships(ZipParts& parts, const QString& partPath) {
    QHash<QString, Relationship> relations;
    const QFileInfo part(partPath);
    const QString dir = part.path() == QLatin1String(".") ? QString() : part.path();
    const QString rels = (dir.isEmpty() ? QString() : dir + QLatin1Char('/')) + QStringLiteral("_rels/") +
                         part.fileName() + QStringLiteral(".rels");
    if (!parts.has(rels)) return relations;
    parts.readXml(rels, [&](QXmlStreamReader& xml) {
        if (!xml.isStartElement() || xml.name() != u"Relationship") return;
        const auto a = xml.attributes();
        if (a.value(QLatin1String("TargetMode")) == u"External") return;
        const QString target = a.value(QLatin1String("Target")).toString();
        // Targets are relative to the part's folder, or absolute from the package root.
        const QString resolved =
            target.startsWith(QLatin1Char('/'))
                ? target.mid(1)
                : QDir::cleanPath(dir.isEmpty() ? target : dir + QLatin1Char('/') + target);
        const QString type = a.value(QLatin1String("Type")).toString();
        relations.insert(a.value(QLatin1String("Id")).toString(),
                         {type.mid(type.lastIndexOf(QLatin1Char('/')) + 1), resolved});
    });
    return relations;
}

bool zipHasEntry(const QString& path, const char* entry) {
    int error = 0;
    zip_t* z = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &error);
    if (!z) return false;
    const bool found = zip_name_locate(z, entry, 0) >= 0;
    zip_discard(z);
    return found;
}

} // namespace sosoik::documents::detail
