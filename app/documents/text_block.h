#pragma once
// Extractors stream a document as TextBlocks so that memory stays bounded whatever the file size.
#include <QString>
#include <atomic>
#include <functional>

namespace sosoik::documents {

struct TextBlock {
    QString text;
    int page = 0;    // 1-based page number where the format has pages (PDF), else 0
    QString section; // nearest heading above this text, when the format marks headings
    bool paragraphEnd =
        true; // false: the paragraph continues in the next block (a huge line split for memory)
};

// Receives blocks in document order; returning false stops the extraction early.
using BlockSink = std::function<bool(const TextBlock&)>;

struct ExtractOptions {
    qint64 maxFileBytes = 256ll << 20;         // bigger files are refused with a clear message
    const std::atomic<bool>* cancel = nullptr; // checked between blocks and inside every reading loop
    std::function<void(double)> progress;      // fraction of the file read, 0..1
    // Hard limits against hostile files (issue #19 item 4: a 3 MB .docx that inflates to 3 GB, endless
    // nesting, a bomb of ordinary paragraphs). Each error names the limit it hit.
    qint64 maxTextChars = 50'000'000;     // extracted text per document (setting summary/maxTextMillions)
    qint64 maxEntryBytes = 128ll << 20;   // one decompressed XML part of a .docx/.hwpx
    qint64 maxArchiveBytes = 256ll << 20; // all decompressed parts of one archive together
    int maxXmlDepth = 256;                // element nesting in those parts (real documents: under 30)
};

struct ExtractInfo {
    QString format;   // "text", "html", "docx", "hwpx", "pdf"
    QString encoding; // text formats: "UTF-8", "UTF-16LE", "UTF-16BE", "CP949"
    int pages = 0;    // PDF page count
    qint64 characters = 0;
};

} // namespace sosoik::documents
