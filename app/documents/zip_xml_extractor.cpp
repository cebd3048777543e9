// Word (.docx, WordprocessingML) and Hangul (.hwpx, OWPML) are zip archives of XML with the
// same shape: paragraphs <p> holding text runs <t>, and tables <tbl>/<tr>/<tc>. One streaming
// reader handles both by local element names; libzip does the inflating.
#include "documents/extractors.h"

#include <QFileInfo>
#include <QXmlStreamReader>
#include <memory>
#include <vector>
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

class OfficeXmlReader {
public:
    OfficeXmlReader(ZipFlavor flavor, BlockEmitter& out) : flavor_(flavor), out_(out) {}

    // Streams one XML part through QXmlStreamReader without holding it whole. Every chunk counts
    // against the part's and the archive's decompressed-bytes limits and checks for cancellation;
    // progress is the share of all parts' declared sizes read so far.
    void readEntry(zip_t* archive, const QString& entry, const QString& fileName) {
        const ExtractOptions& limits = out_.options();
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat(archive, entry.toUtf8().constData(), 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)) {
            // Declared sizes can lie, so the bytes are counted below too; an honest bomb fails at once.
            if (qint64(stat.size) > limits.maxEntryBytes) throw entryTooLarge(fileName, entry);
            if (archiveBytes_ + qint64(stat.size) > limits.maxArchiveBytes) throw archiveTooLarge(fileName);
        }
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
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(f, &zip_fclose);
        QXmlStreamReader xml;
        TextRunSplitter splitter;
        std::vector<char> buffer(64 * 1024);
        qint64 entryBytes = 0;
        bool more = true;
        while (true) {
            out_.checkCancel();
            if (more) {
                const zip_int64_t n = zip_fread(f, buffer.data(), buffer.size());
                if (n < 0)
                    throw DocumentError(
                        Kind::Corrupt,
                        QObject::tr("%1 is damaged: %2 cannot be decompressed.").arg(fileName, entry));
                entryBytes += n;
                archiveBytes_ += n;
                if (entryBytes > limits.maxEntryBytes) throw entryTooLarge(fileName, entry);
                if (archiveBytes_ > limits.maxArchiveBytes) throw archiveTooLarge(fileName);
                if (n == 0)
                    more = false;
                else
                    xml.addData(splitter.feed(buffer.data(), static_cast<qsizetype>(n)));
                if (totalDeclared_ > 0)
                    out_.progress(qMin(1.0, double(archiveBytes_) / double(totalDeclared_)));
            }
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.hasError()) break;
                handle(xml);
            }
            if (xml.error() == QXmlStreamReader::PrematureEndOfDocumentError && more) continue;
            break;
        }
        if (xml.hasError() && xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
            throw DocumentError(
                Kind::Corrupt,
                QObject::tr("%1 is damaged: %2 (%3).").arg(fileName, entry, xml.errorString()));
        flushParagraph();
    }

    // What the parts about to be read declare, for progress.
    void setDeclaredTotal(qint64 bytes) { totalDeclared_ = bytes; }

private:
    DocumentError entryTooLarge(const QString& fileName, const QString& entry) const {
        return DocumentError(
            Kind::TooLarge, QObject::tr("%1 is not a normal document: its part %2 expands to more than %3 MB "
                                        "(the limit for one part).")
                                .arg(fileName, entry)
                                .arg(out_.options().maxEntryBytes >> 20));
    }
    DocumentError archiveTooLarge(const QString& fileName) const {
        return DocumentError(
            Kind::TooLarge,
            QObject::tr("%1 is not a normal document: it expands to more than %2 MB (the limit "
                        "for one archive).")
                .arg(fileName)
                .arg(out_.options().maxArchiveBytes >> 20));
    }

    void handle(QXmlStreamReader& xml) {
        const QStringView name = xml.name();
        if (xml.isStartElement() && ++depth_ > out_.options().maxXmlDepth)
            throw DocumentError(
                Kind::Corrupt,
                QObject::tr("%1 is not a normal document: its XML is nested more than %2 levels "
                            "deep (the limit).")
                    .arg(out_.fileName())
                    .arg(out_.options().maxXmlDepth));
        if (xml.isEndElement()) --depth_;
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
            boundText();
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
                rowChars_ += row_.back().size();
                cell_.clear();
                if (rowChars_ > kMaxBlockChars) flushRow(false);
            } else if (name == u"tr" && tableDepth_ == 1) {
                flushRow(true);
            } else if (name == u"tbl") {
                --tableDepth_;
            }
        }
        if (flavor_ == ZipFlavor::Hwpx && xml.isStartElement() && name == u"p") heading_ = false;
    }

    QString& text() { return tableDepth_ > 0 ? cell_ : paragraph_; }

    // One giant <t>, cell or run of whitespace must not grow memory without bound: a paragraph is sent
    // on in pieces (paragraphEnd = false), a cell's text is cut at kMaxBlockChars, blank text collapses.
    void boundText() {
        QString& t = text();
        if (t.size() <= kMaxBlockChars) return;
        if (t.trimmed().isEmpty()) {
            t = QStringLiteral(" ");
        } else if (tableDepth_ > 0) {
            t.truncate(kMaxBlockChars);
        } else {
            qsizetype from = 0;
            while (t.size() - from > kMaxBlockChars) {
                qsizetype cut = kMaxBlockChars;
                if (t.at(from + cut - 1).isHighSurrogate()) --cut;
                out_.emitBlock({t.mid(from, cut), 0, section_, false});
                from += cut;
            }
            t.remove(0, from);
        }
    }

    void flushRow(bool rowEnd) {
        row_.removeAll(QString());
        if (!row_.isEmpty()) out_.emitBlock({row_.join(QStringLiteral(" | ")), 0, section_, rowEnd});
        row_.clear();
        rowChars_ = 0;
    }

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
    int depth_ = 0;
    qsizetype rowChars_ = 0;
    qint64 archiveBytes_ = 0; // decompressed so far, all parts
    qint64 totalDeclared_ = 0;
    bool inText_ = false;
    bool heading_ = false;
};

qint64 declaredSize(zip_t* archive, const QStringList& entries) {
    qint64 total = 0;
    for (const QString& entry : entries) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat(archive, entry.toUtf8().constData(), 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE))
            total += qint64(stat.size);
    }
    return total;
}

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
        reader.setDeclaredTotal(declaredSize(archive.get(), {QStringLiteral("word/document.xml")}));
        reader.readEntry(archive.get(), QStringLiteral("word/document.xml"), fileName);
        return;
    }
    // HWPX keeps its body in Contents/section0.xml, section1.xml, … in reading order.
    QStringList sections;
    for (int i = 0;; ++i) {
        const QString entry = QStringLiteral("Contents/section%1.xml").arg(i);
        if (zip_name_locate(archive.get(), entry.toUtf8().constData(), 0) < 0) break;
        sections << entry;
    }
    reader.setDeclaredTotal(declaredSize(archive.get(), sections));
    for (const QString& entry : sections)
        reader.readEntry(archive.get(), entry, fileName);
    if (sections.isEmpty())
        throw DocumentError(
            Kind::Corrupt,
            QObject::tr("%1 is not a Hangul document (Contents/section0.xml is missing).").arg(fileName));
}

} // namespace sosoik::documents::detail
