#pragma once
// Detects a text file's encoding from its first bytes and decodes it incrementally.
// Qt 6.4's QStringDecoder only knows UTF encodings, so legacy Korean (CP949, a superset of
// EUC-KR) goes through ICU's converter (ICU is linked by the engine already, and exists on every
// platform, unlike iconv on Windows).
#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringDecoder>
#include <memory>

namespace sosoik::documents {

enum class TextEncoding { Utf8, Utf16LE, Utf16BE, Cp949, Latin1 };

struct EncodingGuess {
    TextEncoding encoding = TextEncoding::Utf8;
    int bomBytes = 0;    // bytes to skip at the start of the file
    bool binary = false; // NUL bytes or control characters: not a text file
};

// sample: the file's first bytes; wholeFile: the sample is the entire file (no truncated tail).
EncodingGuess detectEncoding(QByteArrayView sample, bool wholeFile);
QString encodingName(TextEncoding encoding);

class StreamingTextDecoder {
public:
    explicit StreamingTextDecoder(TextEncoding encoding);
    // Any other charset ICU knows by this name or alias ("windows-1252", "shift_jis", "koi8-r"), for pages
    // that declare one; nullptr when ICU has no converter for it.
    static std::unique_ptr<StreamingTextDecoder> forCharset(const QByteArray& icuName);
    ~StreamingTextDecoder();
    StreamingTextDecoder(const StreamingTextDecoder&) = delete;
    StreamingTextDecoder& operator=(const StreamingTextDecoder&) = delete;

    // Decodes the next bytes; an incomplete trailing sequence is kept for the next call.
    // Invalid bytes become U+FFFD.
    QString decode(QByteArrayView bytes);
    QString flush(); // end of input: a dangling partial sequence becomes U+FFFD

private:
    QString decodeCp949(QByteArrayView bytes, bool final);

    TextEncoding encoding_;
    QStringDecoder utf_;
    bool utf8Started_ = false; // a UTF-8 BOM is skipped at the start only
    QByteArray utf8Tail_;      // UTF-8 only: a sequence the last chunk cut off, completed by the next one
    void* cp949_ =
        nullptr; // UConverter (CP949 or a forCharset one), opaque so ICU's headers stay out of this one
};

} // namespace sosoik::documents
