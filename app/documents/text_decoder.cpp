#include "documents/text_decoder.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>

#include <optional>
#include <utility>

namespace sosoik::documents {
namespace {

bool validUtf8(QByteArrayView sample, bool wholeFile) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    // Stateless decoding would flag a sequence cut by the sample's end; trim it first.
    qsizetype end = sample.size();
    if (!wholeFile) {
        for (qsizetype back = 1; back <= 3 && back <= end; ++back) {
            const auto byte = static_cast<unsigned char>(sample[end - back]);
            if ((byte & 0xC0) == 0xC0) { // a lead byte: drop it and its continuation bytes
                end -= back;
                break;
            }
            if ((byte & 0x80) == 0) break; // ASCII: nothing cut
        }
    }
    const QString decoded = decoder.decode(sample.first(end));
    return !decoder.hasError();
}

// ICU's "windows-949" is CP949 (Unified Hangul Code), the superset of EUC-KR that Windows writes.
constexpr const char* kCp949 = "windows-949";

// Invalid or unmapped bytes become U+FFFD. ICU's own substitution callback would write U+001A (the
// SUB control) for CP949's unmapped codes, which reads as garbage in a summary.
void replaceWithFffd(const void*, UConverterToUnicodeArgs* args, const char*, int32_t,
                     UConverterCallbackReason reason, UErrorCode* status) {
    if (reason > UCNV_IRREGULAR) return; // reset/close/clone: nothing to convert
    static const UChar replacement = 0xFFFD;
    *status = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

UConverter* openConverter(const char* name, bool stopOnError) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(name, &status);
    if (U_FAILURE(status)) return nullptr;
    UConverterToUCallback oldAction = nullptr;
    const void* oldContext = nullptr;
    ucnv_setToUCallBack(converter, stopOnError ? UCNV_TO_U_CALLBACK_STOP : replaceWithFffd, nullptr,
                        &oldAction, &oldContext, &status);
    if (U_FAILURE(status)) {
        ucnv_close(converter);
        return nullptr;
    }
    return converter;
}

bool validCp949(QByteArrayView sample, bool wholeFile) {
    UConverter* converter = openConverter(kCp949, true);
    if (!converter) return false;
    const char* in = sample.data();
    const char* const end = in + sample.size();
    UChar buffer[4096];
    UErrorCode status = U_ZERO_ERROR;
    do {
        status = U_ZERO_ERROR;
        UChar* out = buffer;
        // flush only for a whole file: a sequence cut by the sample's end is fine otherwise.
        ucnv_toUnicode(converter, &out, buffer + std::size(buffer), &in, end, nullptr, wholeFile, &status);
    } while (status == U_BUFFER_OVERFLOW_ERROR);
    ucnv_close(converter);
    return U_SUCCESS(status);
}

// UTF-16 without a BOM: mostly-ASCII text shows a zero in every other byte.
std::optional<TextEncoding> bomlessUtf16(QByteArrayView sample) {
    qsizetype evenZeros = 0, oddZeros = 0;
    const qsizetype pairs = sample.size() / 2;
    for (qsizetype i = 0; i + 1 < sample.size(); i += 2) {
        evenZeros += sample[i] == 0;
        oddZeros += sample[i + 1] == 0;
    }
    if (pairs >= 8 && oddZeros > pairs * 7 / 10 && evenZeros < pairs / 10) return TextEncoding::Utf16LE;
    if (pairs >= 8 && evenZeros > pairs * 7 / 10 && oddZeros < pairs / 10) return TextEncoding::Utf16BE;
    return std::nullopt;
}

// Whether a code unit is one that Korean text is made of: ASCII, Latin-1, Hangul, general and CJK
// punctuation, full-width forms. CJK ideographs and Latin Extended do not count: together they cover
// 21,000 code points, so random byte pairs land there far too often (a binary file of the bytes
// "\0\1\2binary\0" repeated decoded as 100% "text" while they counted). Hanja in Korean prose is rare
// enough to fit the 5% the caller allows.
bool textLikeUnit(char16_t u) {
    return u == u'\t' || u == u'\n' || u == u'\r' || (u >= 0x20 && u < 0x7F) || (u >= 0xA0 && u <= 0xFF) ||
           (u >= 0x1100 && u <= 0x11FF) || (u >= 0x2000 && u <= 0x206F) || (u >= 0x3000 && u <= 0x318F) ||
           (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xFF00 && u <= 0xFFEF);
}

// UTF-16 without a BOM whose text is mostly not ASCII (Korean: issue #19 item 9, "binary" before): at
// least 95% of the code units are Korean text (textLikeUnit), with no NUL
// and no broken surrogate. Random or binary bytes spread over the whole range and fail.
std::optional<TextEncoding> plausibleUtf16(QByteArrayView sample) {
    const qsizetype units = sample.size() / 2;
    if (units < 8) return std::nullopt;
    for (const bool little : {true, false}) {
        qsizetype good = 0;
        bool broken = false;
        for (qsizetype i = 0; i < units && !broken; ++i) {
            const auto lo = static_cast<unsigned char>(sample[2 * i + (little ? 0 : 1)]);
            const auto hi = static_cast<unsigned char>(sample[2 * i + (little ? 1 : 0)]);
            const char16_t u = char16_t(hi << 8 | lo);
            if (u == 0)
                broken = true;
            else if (QChar::isHighSurrogate(u)) {
                if (i + 1 < units) {
                    const auto lo2 = static_cast<unsigned char>(sample[2 * (i + 1) + (little ? 0 : 1)]);
                    const auto hi2 = static_cast<unsigned char>(sample[2 * (i + 1) + (little ? 1 : 0)]);
                    broken = !QChar::isLowSurrogate(char16_t(hi2 << 8 | lo2));
                    good += 2;
                    ++i;
                }
            } else if (QChar::isLowSurrogate(u)) {
                broken = true;
            } else {
                good += textLikeUnit(u);
            }
        }
        if (!broken && good * 100 >= units * 95)
            return little ? TextEncoding::Utf16LE : TextEncoding::Utf16BE;
    }
    return std::nullopt;
}

} // namespace

EncodingGuess detectEncoding(QByteArrayView sample, bool wholeFile) {
    EncodingGuess guess;
    if (sample.startsWith("\xEF\xBB\xBF")) {
        guess.bomBytes = 3;
        return guess;
    }
    if (sample.startsWith("\xFF\xFE")) return {TextEncoding::Utf16LE, 2, false};
    if (sample.startsWith("\xFE\xFF")) return {TextEncoding::Utf16BE, 2, false};

    qsizetype nuls = 0, controls = 0;
    for (char c : sample) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0)
            ++nuls;
        else if (byte < 0x20 && byte != '\n' && byte != '\r' && byte != '\t' && byte != '\f' && byte != 0x1B)
            ++controls;
    }
    if (nuls > 0) {
        if (auto utf16 = bomlessUtf16(sample)) return {*utf16, 0, false};
        if (auto utf16 = plausibleUtf16(sample)) return {*utf16, 0, false};
        guess.binary = true;
        return guess;
    }
    if (controls > sample.size() / 20 + 1) {
        guess.binary = true;
        return guess;
    }
    if (validUtf8(sample, wholeFile)) return guess;
    if (validCp949(sample, wholeFile)) return {TextEncoding::Cp949, 0, false};
    return {TextEncoding::Latin1, 0, false};
}

QString encodingName(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::Utf8:
        return QStringLiteral("UTF-8");
    case TextEncoding::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case TextEncoding::Utf16BE:
        return QStringLiteral("UTF-16BE");
    case TextEncoding::Cp949:
        return QStringLiteral("CP949");
    case TextEncoding::Latin1:
        return QStringLiteral("ISO-8859-1");
    }
    return {};
}

StreamingTextDecoder::StreamingTextDecoder(TextEncoding encoding) : encoding_(encoding) {
    switch (encoding) {
    case TextEncoding::Utf8:
        utf_ = QStringDecoder(QStringDecoder::Utf8);
        break;
    case TextEncoding::Utf16LE:
        utf_ = QStringDecoder(QStringDecoder::Utf16LE);
        break;
    case TextEncoding::Utf16BE:
        utf_ = QStringDecoder(QStringDecoder::Utf16BE);
        break;
    case TextEncoding::Cp949:
        cp949_ = openConverter(kCp949, false);
        break;
    case TextEncoding::Latin1:
        break;
    }
}

std::unique_ptr<StreamingTextDecoder> StreamingTextDecoder::forCharset(const QByteArray& icuName) {
    UConverter* converter = openConverter(icuName.constData(), false);
    if (!converter) return nullptr;
    auto decoder = std::make_unique<StreamingTextDecoder>(TextEncoding::Latin1);
    decoder->encoding_ = TextEncoding::Cp949; // the ICU path, with this converter
    decoder->cp949_ = converter;
    return decoder;
}

StreamingTextDecoder::~StreamingTextDecoder() {
    if (cp949_) ucnv_close(static_cast<UConverter*>(cp949_));
}

QString StreamingTextDecoder::decode(QByteArrayView bytes) {
    if (encoding_ == TextEncoding::Latin1) return QString::fromLatin1(bytes);
    if (encoding_ == TextEncoding::Cp949) return decodeCp949(bytes, false);
    if (encoding_ != TextEncoding::Utf8) return utf_.decode(bytes);
    // Qt 6.4's stateful UTF-8 decoder drops the first byte of a chunk that follows a cut-off invalid
    // sequence ("EC 84" | "69": the 'i' was lost; found by fuzz_text_decoder). So a possibly
    // incomplete sequence at the end of a chunk waits here for the next one.
    QByteArray data = std::exchange(utf8Tail_, {});
    data.append(bytes);
    const qsizetype n = data.size();
    for (qsizetype back = 1; back <= 3 && back <= n; ++back) {
        const auto byte = uchar(data[n - back]);
        if ((byte & 0xC0) == 0x80) continue; // a continuation byte: look further back
        const int length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        if (length > back) utf8Tail_ = data.sliced(n - back);
        break;
    }
    // Each piece now ends on a sequence boundary, so a stateless decode of each equals the decode of the
    // whole; Qt's stateful one also kept an invalid lead byte ("CC" before "EC") across the boundary.
    QByteArrayView piece = QByteArrayView(data).first(n - utf8Tail_.size());
    // QString::fromUtf8 drops a leading BOM; only the file's first one is a BOM, later ones are text.
    QString text;
    while (piece.startsWith("\xEF\xBB\xBF")) {
        if (utf8Started_) text += QChar(0xFEFF);
        utf8Started_ = true;
        piece = piece.sliced(3);
    }
    if (!piece.isEmpty()) utf8Started_ = true;
    return text + QString::fromUtf8(piece);
}

QString StreamingTextDecoder::flush() {
    if (encoding_ == TextEncoding::Cp949) return decodeCp949({}, true);
    if (encoding_ == TextEncoding::Latin1) return {};
    // A sequence cut by the end of the input becomes U+FFFD, as decoding it whole would give.
    if (encoding_ == TextEncoding::Utf8 && !utf8Tail_.isEmpty())
        return QString::fromUtf8(std::exchange(utf8Tail_, {}));
    return {};
}

QString StreamingTextDecoder::decodeCp949(QByteArrayView bytes, bool final) {
    if (!cp949_) return QString::fromLatin1(bytes); // no CP949 converter: degrade, never fail
    auto* converter = static_cast<UConverter*>(cp949_);
    // The converter keeps an incomplete trailing sequence itself until the next call (or, with
    // final, substitutes it).
    QString output(bytes.size() + 8, Qt::Uninitialized);
    const char* in = bytes.data();
    const char* const end = in + bytes.size();
    qsizetype written = 0;
    UErrorCode status = U_ZERO_ERROR;
    do {
        status = U_ZERO_ERROR;
        auto* start = reinterpret_cast<UChar*>(output.data()) + written;
        UChar* out = start;
        ucnv_toUnicode(converter, &out, reinterpret_cast<UChar*>(output.data()) + output.size(), &in, end,
                       nullptr, final, &status);
        written += out - start;
        if (status == U_BUFFER_OVERFLOW_ERROR) output.resize(output.size() * 2);
    } while (status == U_BUFFER_OVERFLOW_ERROR);
    output.truncate(written);
    return output;
}

} // namespace sosoik::documents
