// libFuzzer target: arbitrary bytes as an HTML page through extractDocument (encoding detection, the
// charset prescan, libxml2's HTML parser with our SAX callbacks, block splitting), with a small text
// limit so the limit path runs too. Any outcome but blocks or a DocumentError is a bug; no block may
// exceed the documented size.
#include "fuzz_file.h"

#include "documents/document_extractor.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace sosoik::documents;
    static FuzzFile file(".html");
    file.write(data, size);
    ExtractOptions options;
    options.maxTextChars = 64 * 1024;
    try {
        extractDocument(
            file.path(),
            [](const TextBlock& block) {
                if (block.text.size() > 2 * 64 * 1024) std::abort();
                return true;
            },
            options);
    } catch (const DocumentError& e) {
        if (e.message().isEmpty()) std::abort(); // every error is a sentence
    }
    return 0;
}
