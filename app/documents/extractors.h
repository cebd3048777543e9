#pragma once
// Per-format extractors behind extractDocument(); each emits blocks and returns what it found.
#include "documents/document_error.h"
#include "documents/text_block.h"
#include "documents/text_decoder.h"

#include <QFile>

namespace sosoik::documents::detail {

// Sends a block unless the caller asked to stop; throws DocumentError(Cancelled) on stop.
class BlockEmitter {
public:
    BlockEmitter(const BlockSink& sink, const ExtractOptions& options, const QString& fileName = {})
        : sink_(sink), options_(options), fileName_(fileName) {}
    void emitBlock(TextBlock block);
    void progress(double fraction) const {
        if (options_.progress) options_.progress(fraction);
    }
    void checkCancel() const;
    qint64 characters() const { return characters_; }
    const ExtractOptions& options() const { return options_; }
    const QString& fileName() const { return fileName_; }

private:
    const BlockSink& sink_;
    const ExtractOptions& options_;
    QString fileName_;
    qint64 characters_ = 0;
};

constexpr qsizetype kMaxBlockChars = 64 * 1024; // a longer paragraph is streamed in pieces

void extractPlainText(QFile& file, const EncodingGuess& guess, BlockEmitter& out);
QString extractHtml(QFile& file, const EncodingGuess& guess, BlockEmitter& out); // returns the encoding read
enum class ZipFlavor { Docx, Hwpx, Odt };
bool zipHasEntry(const QString& path, const char* entry);
void extractZipXml(const QString& path, ZipFlavor flavor, BlockEmitter& out);
int extractPptx(const QString& path, BlockEmitter& out); // returns the slide count
void extractXlsx(const QString& path, BlockEmitter& out);
int extractPdf(const QString& path, BlockEmitter& out); // returns the page count

} // namespace sosoik::documents::detail
