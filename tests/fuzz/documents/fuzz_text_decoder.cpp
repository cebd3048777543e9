// libFuzzer target: arbitrary bytes through the text-encoding detection and the streaming decoder, split
// at an arbitrary point (the first byte picks it). Any outcome but a decoded string (crash, hang, leak,
// sanitizer report, exception) is a bug; decoding in two pieces must equal decoding in one.
#include "documents/text_decoder.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace sosoik::documents;
    if (size < 1) return 0;
    const auto split = size_t(data[0]) * (size - 1) / 255;
    const QByteArrayView bytes(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    for (const bool whole : {true, false}) {
        const EncodingGuess guess = detectEncoding(bytes, whole);
        if (guess.binary) continue;
        (void)encodingName(guess.encoding);
        const QByteArrayView body =
            bytes.sliced(qMin<qsizetype>(guess.bomBytes, bytes.size())); // Qt 6.4: no mid()
        StreamingTextDecoder once(guess.encoding);
        QString all = once.decode(body.toByteArray()); // one call per statement: + has no order
        all += once.flush();
        StreamingTextDecoder twice(guess.encoding);
        const qsizetype cut = qMin<qsizetype>(qsizetype(split), body.size());
        QString parts = twice.decode(body.first(cut).toByteArray());
        parts += twice.decode(body.sliced(cut).toByteArray());
        parts += twice.flush();
        if (all != parts) std::abort();                 // the decoder's state across chunks is wrong
        if (all.size() > body.size() + 2) std::abort(); // never more characters than bytes (plus a flush)
    }
    return 0;
}
