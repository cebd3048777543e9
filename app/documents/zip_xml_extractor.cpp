// Word (.docx, WordprocessingML) and Hangul (.hwpx, OWPML) are zip archives of XML with the
// same shape: paragraphs <p> holding text runs <t>, and tables <tbl>/<tr>/<tc>. One streaming
// reader handles both by local element names; libzip does the inflating.
#include "documents/extractors.h"

#include <QFileInfo>
#include <QXmlStreamReader>
#include <memory>
#include <zip.h>

namespace sosoik::documents::detail {
namespace {
using Kind = DocumentError::Kind;

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

ZipPtr openZip(const QString& path) {
    int error = 0;
    zip_t* z = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &error);
    if (!z)
        throw DocumentError(
            Kind::Corrupt,
            QObject::tr("%1 is damaged: it is not a readable zip archive.").arg(QFileInfo(path).fileName()));
    return ZipPtr(z);
}

class OfficeXmlReader {
public:
    OfficeXmlReader(ZipFlavor flavor, BlockEmitter& out) : flavor_(flavor), out_(out) {}

    // Streams one XML part through QXmlStreamReader without holding it whole.
    void readEntry(zip_t* archive, const QString& entry, const QString& fileName) {
        zip_file_t* f = zip_fopen(archive, entry.toUtf8().constData(), 0);
        if (!f) {
            const int code = zip_error_code_zip(zip_get_error(archive));
            if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
                throw DocumentError(
                    Kind::Encrypted,
                    QObject::tr("%1 is password-protected; remove the password and try again.")
                        .arg(fileName));
            throw DocumentError(Kind::Corrupt,
                                QObject::tr("%1 is damaged: %2 cannot be read.").arg(fileName, entry));
        }
        QXmlStreamReader xml;
        char buffer[64 * 1024];
        bool more = true;
        while (true) {
            if (more) {
                const zip_int64_t n = zip_fread(f, buffer, sizeof buffer);
                if (n < 0) {
                    zip_fclose(f);
                    throw DocumentError(
                        Kind::Corrupt,
                        QObject::tr("%1 is damaged: %2 cannot be decompressed.").arg(fileName, entry));
                }
                if (n == 0)
                    more = false;
                else
                    xml.addData(QByteArray(buffer, static_cast<qsizetype>(n)));
            }
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.hasError()) break;
                handle(xml);
            }
            if (xml.error() == QXmlStreamReader::PrematureEndOfDocumentError && more) continue;
            break;
        }
        zip_fclose(f);
        if (xml.hasError() && xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
            throw DocumentError(
                Kind::Corrupt,
                QObject::tr("%1 is damaged: %2 (%3).").arg(fileName, entry, xml.errorString()));
        flushParagraph();
    }

private:
    void handle(QXmlStreamReader& xml) {
        const QStringView name = xml.name();
        if (xml.isStartElement()) {
            if (name == u"tbl") {
                if (tableDepth_++ == 0) {
                    flushParagraph();
                    row_.clear();
                }
            } else if (name == u"tc" && tableDepth_ == 1) {
                cell_.clear();
            } else if (name == u"t") {
                inText_ = true;
            } else if (name == u"tab") {
                text() += QLatin1Char('\t');
            } else if (name == u"br" || name == u"cr" || name == u"lineBreak") {
                text() += QLatin1Char('\n');
            } else if (name == u"pStyle" && tableDepth_ == 0) {
                const QString style = xml.attributes().value(QLatin1String("w:val")).toString();
                heading_ = style.startsWith(QLatin1String("Heading"), Qt::CaseInsensitive) ||
                           style.compare(QLatin1String("Title"), Qt::CaseInsensitive) == 0;
            }
        } else if (xml.isCharacters() && inText_) {
            text() += xml.text();
        } else if (xml.isEndElement()) {
            if (name == u"t") {
                inText_ = false;
            } else if (name == u"p") {
                if (tableDepth_ > 0)
                    cell_ += QLatin1Char(' ');
                else
                    flushParagraph();
            } else if (name == u"tc" && tableDepth_ == 1) {
                row_ << cell_.simplified();
            } else if (name == u"tr" && tableDepth_ == 1) {
                row_.removeAll(QString());
                if (!row_.isEmpty()) out_.emitBlock({row_.join(QStringLiteral(" | ")), 0, section_, true});
                row_.clear();
            } else if (name == u"tbl") {
                --tableDepth_;
            }
        }
        if (flavor_ == ZipFlavor::Hwpx && xml.isStartElement() && name == u"p") heading_ = false;
    }

    QString& text() { return tableDepth_ > 0 ? cell_ : paragraph_; }

    void flushParagraph() {
        const QString t = paragraph_.trimmed();
        paragraph_.clear();
        if (heading_ && !t.isEmpty()) section_ = t;
        heading_ = false;
        if (!t.isEmpty()) out_.emitBlock({t, 0, section_, true});
    }

    ZipFlavor flavor_;
    BlockEmitter& out_;
    QString paragraph_, cell_, section_;
    QStringList row_;
    int tableDepth_ = 0;
    bool inText_ = false;
    bool heading_ = false;
};

} // namespace

bool zipHasEntry(const QString& path, const char* entry) {
    int error = 0;
    zip_t* z = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &error);
    if (!z) return false;
    const bool found = zip_name_locate(z, entry, 0) >= 0;
    zip_discard(z);
    return found;
}

void extractZipXml(const QString& path, ZipFlavor flavor, BlockEmitter& out) {
    const QString fileName = QFileInfo(path).fileName();
    ZipPtr archive = openZip(path);
    OfficeXmlReader reader(flavor, out);
    if (flavor == ZipFlavor::Docx) {
        if (zip_name_locate(archive.get(), "word/document.xml", 0) < 0)
            throw DocumentError(
                Kind::Corrupt,
                QObject::tr("%1 is not a Word document (word/document.xml is missing).").arg(fileName));
        reader.readEntry(archive.get(), QStringLiteral("word/document.xml"), fileName);
        return;
    }
    // HWPX keeps its body in Contents/section0.xml, section1.xml, … in reading order.
    int sections = 0;
    for (;; ++sections) {
        const QString entry = QStringLiteral("Contents/section%1.xml").arg(sections);
        if (zip_name_locate(archive.get(), entry.toUtf8().constData(), 0) < 0) break;
        reader.readEntry(archive.get(), entry, fileName);
        out.progress(0.5);
    }
    if (sections == 0)
        throw DocumentError(
            Kind::Corrupt,
            QObject::tr("%1 is not a Hangul document (Contents/section0.xml is missing).").arg(fileName));
}

} // namespace sosoik::documents::detail
