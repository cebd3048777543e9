#include "documents/document_extractor.h"

#include "documents/extractors.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace sosoik::documents {
namespace detail {

void BlockEmitter::checkCancel() const {
    if (options_.cancel && options_.cancel->load())
        throw DocumentError(DocumentError::Kind::Cancelled,
                            QObject::tr("Reading the document was cancelled."));
}

void BlockEmitter::emitBlock(TextBlock block) {
    checkCancel();
    if (block.text.trimmed().isEmpty() && block.paragraphEnd) return;
    characters_ += block.text.size();
    if (characters_ > options_.maxTextChars)
        throw DocumentError(
            DocumentError::Kind::TooLarge,
            QObject::tr("%1 holds more than %2 million characters of text, the most Sosoik reads "
                        "from one document (Settings, Summaries).")
                .arg(fileName_)
                .arg(double(options_.maxTextChars) / 1e6, 0, 'g', 4));
    if (!sink_(block))
        throw DocumentError(DocumentError::Kind::Cancelled,
                            QObject::tr("Reading the document was cancelled."));
}

namespace {
const QRegularExpression kBlankLine(QStringLiteral("\\n[ \\t\\r\\f]*\\n"));
const QRegularExpression kMarkdownHeading(QStringLiteral("^#{1,6}[ \\t]+(.+)$"));

// Splits decoded text into paragraphs at blank lines, keeping a tail that may continue.
class ParagraphSplitter {
public:
    explicit ParagraphSplitter(BlockEmitter& out) : out_(out) {}
    void add(const QString& text) {
        buffer_ += text;
        buffer_.remove(QLatin1Char('\r'));
        qsizetype start = 0;
        for (auto it = kBlankLine.globalMatch(buffer_); it.hasNext();) {
            const auto m = it.next();
            paragraph(buffer_.mid(start, m.capturedStart() - start), true);
            start = m.capturedEnd();
        }
        buffer_.remove(0, start);
        if (buffer_.size() > kMaxBlockChars) { // one enormous paragraph: stream it in pieces
            qsizetype cut = buffer_.size();
            if (buffer_.at(cut - 1).isHighSurrogate()) --cut;
            paragraph(buffer_.left(cut), false);
            buffer_.remove(0, cut);
        }
    }
    void finish() {
        paragraph(buffer_, true);
        buffer_.clear();
    }

private:
    void paragraph(const QString& text, bool end) {
        const QString trimmed = text.trimmed();
        const auto heading = kMarkdownHeading.match(trimmed.left(trimmed.indexOf(QLatin1Char('\n'))));
        if (heading.hasMatch()) section_ = heading.captured(1).trimmed();
        out_.emitBlock({text, 0, section_, end});
    }
    BlockEmitter& out_;
    QString buffer_;
    QString section_;
};
} // namespace

void extractPlainText(QFile& file, const EncodingGuess& guess, BlockEmitter& out) {
    StreamingTextDecoder decoder(guess.encoding);
    ParagraphSplitter splitter(out);
    file.seek(guess.bomBytes);
    const qint64 total = qMax<qint64>(1, file.size());
    while (!file.atEnd()) {
        out.checkCancel();
        const QByteArray bytes = file.read(256 * 1024);
        if (bytes.isEmpty()) break;
        splitter.add(decoder.decode(bytes));
        out.progress(double(file.pos()) / double(total));
    }
    splitter.add(decoder.flush());
    splitter.finish();
}

} // namespace detail

namespace {
using detail::ZipFlavor;
using Kind = DocumentError::Kind;

QString megabytes(qint64 bytes) {
    return QString::number(double(bytes) / (1 << 20), 'f', bytes < (10 << 20));
}

const QStringList kBinarySuffixes = {"png", "jpg", "jpeg", "gif",  "bmp", "webp", "mp3", "mp4", "wav",
                                     "avi", "mkv", "exe",  "dll",  "so",  "zip",  "gz",  "xz",  "7z",
                                     "rar", "tar", "iso",  "gguf", "bin", "xls",  "ppt", "ods", "odp"};
const QStringList kZipSuffixes = {"docx", "hwpx", "pptx", "xlsx", "odt"};
} // namespace

QString extractLeadingText(const QString& path, qsizetype maxChars, QString* error) {
    QString text;
    try {
        extractDocument(path, [&](const TextBlock& block) {
            if (!text.isEmpty()) text += block.paragraphEnd ? QStringLiteral("\n\n") : QString();
            text += block.text.left(maxChars - text.size());
            return text.size() < maxChars; // enough: stop reading
        });
    } catch (const DocumentError& e) {
        // Stopping on purpose surfaces as Cancelled; anything else is a real failure.
        if (e.kind() != DocumentError::Kind::Cancelled || text.isEmpty()) {
            if (error) *error = e.message();
            return {};
        }
    }
    return text;
}

QStringList supportedSuffixes() {
    return {"txt", "md",    "markdown", "csv",  "log", "json", "xml",  "c",  "cpp",
            "h",   "hpp",   "py",       "js",   "ts",  "java", "rs",   "go", "html",
            "htm", "xhtml", "docx",     "hwpx", "pdf", "pptx", "xlsx", "odt"};
}

ExtractInfo extractDocument(const QString& path, const BlockSink& sink, const ExtractOptions& options) {
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.exists())
        throw DocumentError(Kind::NotFound, QObject::tr("The file %1 does not exist.").arg(path));
    if (info.isDir())
        throw DocumentError(Kind::Unsupported, QObject::tr("%1 is a folder, not a document.").arg(name));
    // A named pipe, socket or device: opening it could block forever (issue #19 item 7).
    if (!info.isFile())
        throw DocumentError(Kind::Unsupported, QObject::tr("%1 is not a regular file.").arg(name));
    if (info.size() > options.maxFileBytes)
        throw DocumentError(Kind::TooLarge,
                            QObject::tr("%1 is %2 MB; Sosoik summarizes files up to %3 MB.")
                                .arg(name, megabytes(info.size()), megabytes(options.maxFileBytes)));
    if (info.size() == 0) throw DocumentError(Kind::Empty, QObject::tr("%1 is empty.").arg(name));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw DocumentError(Kind::NotFound,
                            QObject::tr("%1 cannot be opened: %2").arg(name, file.errorString()));
    const QByteArray head = file.peek(64 * 1024);
    const QString suffix = info.suffix().toLower();

    ExtractInfo result;
    detail::BlockEmitter out(sink, options, name);
    if (head.startsWith("%PDF-")) {
        file.close();
        result.format = QStringLiteral("pdf");
        result.pages = detail::extractPdf(path, out);
    } else if (head.startsWith("PK\x03\x04")) {
        file.close();
        // The suffix decides when it names a zipped format; otherwise the parts inside do.
        const auto is = [&](const char* ext, const char* entry) {
            return suffix == QLatin1String(ext) ||
                   (!kZipSuffixes.contains(suffix) && detail::zipHasEntry(path, entry));
        };
        if (is("docx", "word/document.xml")) {
            result.format = QStringLiteral("docx");
            detail::extractZipXml(path, ZipFlavor::Docx, out);
        } else if (is("hwpx", "Contents/section0.xml")) {
            result.format = QStringLiteral("hwpx");
            detail::extractZipXml(path, ZipFlavor::Hwpx, out);
        } else if (is("pptx", "ppt/presentation.xml")) {
            result.format = QStringLiteral("pptx");
            result.pages = detail::extractPptx(path, out);
        } else if (is("xlsx", "xl/workbook.xml")) {
            result.format = QStringLiteral("xlsx");
            detail::extractXlsx(path, out);
        } else if (is("odt", "content.xml")) {
            result.format = QStringLiteral("odt");
            detail::extractZipXml(path, ZipFlavor::Odt, out);
        } else {
            throw DocumentError(Kind::Unsupported,
                                QObject::tr("%1 is a zip archive Sosoik cannot read; supported documents are "
                                            "PDF, Word (.docx), PowerPoint (.pptx), Excel (.xlsx), "
                                            "OpenDocument (.odt), Hangul (.hwpx), HTML and text files.")
                                    .arg(name));
        }
    } else if (head.startsWith("\xD0\xCF\x11\xE0")) { // OLE compound file: legacy or encrypted Office/HWP
        if (suffix == "docx" || suffix == "xlsx" || suffix == "pptx")
            throw DocumentError(
                Kind::Encrypted,
                QObject::tr("%1 is password-protected; remove the password and try again.").arg(name));
        throw DocumentError(Kind::Unsupported,
                            QObject::tr("%1 uses an old binary format (.%2); save it as .docx, "
                                        ".hwpx or PDF and try again.")
                                .arg(name, suffix.isEmpty() ? QStringLiteral("doc") : suffix));
    } else if (kBinarySuffixes.contains(suffix)) {
        throw DocumentError(Kind::Unsupported, QObject::tr("Sosoik cannot summarize .%1 files.").arg(suffix));
    } else {
        const EncodingGuess guess = detectEncoding(head, file.size() <= head.size());
        if (guess.binary)
            throw DocumentError(
                Kind::Binary, QObject::tr("%1 is not a text document (it contains binary data).").arg(name));
        result.encoding = encodingName(guess.encoding);
        const bool html = suffix == "html" || suffix == "htm" || suffix == "xhtml";
        result.format = html ? QStringLiteral("html") : QStringLiteral("text");
        if (html)
            result.encoding = detail::extractHtml(file, guess, out);
        else
            detail::extractPlainText(file, guess, out);
    }
    out.progress(1.0);
    result.characters = out.characters();
    if (result.characters == 0)
        throw DocumentError(Kind::Empty, QObject::tr("%1 contains no text.").arg(name));
    return result;
}

} // namespace sosoik::documents
