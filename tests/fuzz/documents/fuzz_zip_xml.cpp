// libFuzzer target for the DOCX/HWPX reader. The first byte picks the mode:
//   0-127:   the rest is the file itself (libzip's archive parsing, then the XML reader);
//   128-255: the rest is the XML of word/document.xml (odd) or Contents/section0.xml (even), stored in a
//            fresh archive, so the fuzzer reaches the XML reader without having to forge zip headers.
// Small limits (decompressed bytes, nesting, text) make every limit path reachable. Any outcome but blocks
// or a DocumentError is a bug.
#include "fuzz_file.h"

#include "documents/document_extractor.h"

#include <cstdlib>
#include <zip.h>

namespace {

bool storeInZip(const QString& path, const char* entry, const uint8_t* data, size_t size) {
    int error = 0;
    zip_t* z = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!z) return false;
    zip_source_t* src = zip_source_buffer(z, data, size, 0);
    const zip_int64_t index = src ? zip_file_add(z, entry, src, ZIP_FL_OVERWRITE) : -1;
    if (index < 0) {
        if (src) zip_source_free(src);
        zip_discard(z);
        return false;
    }
    zip_set_file_compression(z, zip_uint64_t(index), ZIP_CM_STORE, 0);
    return zip_close(z) == 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace sosoik::documents;
    if (size < 1) return 0;
    static FuzzFile docx(".docx");
    static FuzzFile hwpx(".hwpx");
    const uint8_t mode = data[0];
    FuzzFile& file = (mode & 1) ? docx : hwpx;
    if (mode < 128) {
        file.write(data + 1, size - 1);
    } else if (!storeInZip(file.path(), (mode & 1) ? "word/document.xml" : "Contents/section0.xml", data + 1,
                           size - 1)) {
        return 0;
    }
    ExtractOptions options;
    options.maxTextChars = 256 * 1024;
    options.maxEntryBytes = 1 << 20;
    options.maxArchiveBytes = 2 << 20;
    options.maxXmlDepth = 64;
    try {
        extractDocument(
            file.path(),
            [](const TextBlock& block) {
                if (block.text.size() > 64 * 1024 + 64) std::abort();
                return true;
            },
            options);
    } catch (const DocumentError& e) {
        if (e.message().isEmpty()) std::abort();
    }
    return 0;
}
