#pragma once
// Text extraction for every supported format (.txt/.md/source, .html, .docx, .hwpx, .pdf).
// Streams the document into a BlockSink; throws DocumentError with a user-facing message for
// missing, empty, binary, encrypted, image-only, oversized or unsupported files.
#include "documents/document_error.h"
#include "documents/text_block.h"

#include <QStringList>

namespace sosoik::documents {

ExtractInfo extractDocument(const QString& path, const BlockSink& sink, const ExtractOptions& options = {});

// The document's first maxChars characters (paragraphs separated by blank lines), for quick
// one-prompt summaries; reading stops there. On failure returns "" and sets *error to the
// user-facing message.
QString extractLeadingText(const QString& path, qsizetype maxChars, QString* error);

// File-dialog filter suffixes ("pdf", "docx", ...); plain text also accepts any other text file.
QStringList supportedSuffixes();

} // namespace sosoik::documents
