#include "documents/text_decoder.h"

#include <cerrno>
#include <iconv.h>
#include <optional>

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

bool validCp949(QByteArrayView sample, bool wholeFile) {
    iconv_t cd = iconv_open("UTF-8", "CP949");
    if (cd == reinterpret_cast<iconv_t>(-1)) return false;
    char* in = const_cast<char*>(sample.data());
    size_t inLeft = static_cast<size_t>(sample.size());
    char buffer[4096];
    bool ok = true;
    while (inLeft > 0) {
        char* out = buffer;
        size_t outLeft = sizeof buffer;
        if (iconv(cd, &in, &inLeft, &out, &outLeft) != static_cast<size_t>(-1)) continue;
        if (errno == E2BIG) continue;
        ok = (errno == EINVAL && !wholeFile); // EINVAL: a sequence cut by the sample's end
        break;
    }
    iconv_close(cd);
    return ok;
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
    case TextEncoding::Cp949: {
        iconv_t cd = iconv_open("UTF-8", "CP949");
        if (cd != reinterpret_cast<iconv_t>(-1)) iconv_ = cd;
        break;
    }
    case TextEncoding::Latin1:
        break;
    }
}

StreamingTextDecoder::~StreamingTextDecoder() {
    if (iconv_) iconv_close(static_cast<iconv_t>(iconv_));
}

QString StreamingTextDecoder::decode(QByteArrayView bytes) {
    if (encoding_ == TextEncoding::Latin1) return QString::fromLatin1(bytes);
    if (encoding_ == TextEncoding::Cp949) return decodeIconv(bytes, false);
    return utf_.decode(bytes);
}

QString StreamingTextDecoder::flush() {
    if (encoding_ == TextEncoding::Cp949) return decodeIconv({}, true);
    if (encoding_ == TextEncoding::Latin1) return {};
    // Qt 6.4's QStringDecoder has no end-of-input call; a sequence cut by the end of file is dropped.
    return {};
}

QString StreamingTextDecoder::decodeIconv(QByteArrayView bytes, bool final) {
    if (!iconv_) return QString::fromLatin1(bytes); // no CP949 converter: degrade, never fail
    QByteArray input = pending_ + bytes.toByteArray();
    pending_.clear();
    QByteArray output;
    output.reserve(input.size() * 3 / 2 + 16);
    char* in = input.data();
    size_t inLeft = static_cast<size_t>(input.size());
    char buffer[8192];
    while (inLeft > 0) {
        char* out = buffer;
        size_t outLeft = sizeof buffer;
        const size_t rc = iconv(static_cast<iconv_t>(iconv_), &in, &inLeft, &out, &outLeft);
        output.append(buffer, static_cast<qsizetype>(sizeof buffer - outLeft));
        if (rc != static_cast<size_t>(-1)) continue;
        if (errno == E2BIG) continue;
        if (errno == EINVAL && !final) { // incomplete sequence at the end: wait for more bytes
            pending_ = QByteArray(in, static_cast<qsizetype>(inLeft));
            break;
        }
        output.append("\xEF\xBF\xBD"); // EILSEQ (or a dangling byte at the end): U+FFFD, skip it
        ++in;
        --inLeft;
    }
    return QString::fromUtf8(output);
}

} // namespace sosoik::documents
