// CP949 through ICU (documents/text_decoder.cpp): detection, decoding split at every byte, and
// bad bytes becoming U+FFFD without losing the text around them.
#include "documents/text_decoder.h"

#include <QTest>

using namespace sosoik::documents;

namespace {
// "가나다 똠방각하" in CP949: 가 B0A1, 나 B3AA, 다 B4D9, 똠 8C63 (a UHC-only syllable), 방 B9E6,
// 각 B0A2, 하 C7CF.
const QByteArray kCp949("\xB0\xA1\xB3\xAA\xB4\xD9 \x8C\x63\xB9\xE6\xB0\xA2\xC7\xCF");
const QString kText = QStringLiteral("가나다 똠방각하");
} // namespace

class TestTextDecoder : public QObject {
    Q_OBJECT
private slots:
    void detectsCp949() {
        QCOMPARE(detectEncoding(kCp949, true).encoding, TextEncoding::Cp949);
        // A sample cut inside a two-byte character is still CP949; the whole file is not.
        QCOMPARE(detectEncoding(kCp949.left(3), false).encoding, TextEncoding::Cp949);
        QCOMPARE(detectEncoding(kCp949.left(3), true).encoding, TextEncoding::Latin1);
        QCOMPARE(detectEncoding(kText.toUtf8(), true).encoding, TextEncoding::Utf8);
    }

    void decodesSplitAtEveryByte() {
        for (int cut = 0; cut <= kCp949.size(); ++cut) {
            StreamingTextDecoder decoder(TextEncoding::Cp949);
            QString text = decoder.decode(kCp949.left(cut));
            text += decoder.decode(kCp949.mid(cut));
            text += decoder.flush();
            QCOMPARE(text, kText);
        }
    }

    void badBytesBecomeReplacementCharacters() {
        StreamingTextDecoder decoder(TextEncoding::Cp949);
        // A lead byte followed by a space is no character (the space survives); a lead byte
        // dangling at the end of input is reported too.
        QString text = decoder.decode(QByteArray("\xB0\xA1\xB0 \xB0\xA1 ok \xB0"));
        text += decoder.flush();
        QCOMPARE(text, QStringLiteral("가\uFFFD 가 ok \uFFFD"));
    }

    // UTF-8 split at every byte gives what decoding it whole gives, also around invalid bytes: Qt
    // 6.4's decoder lost the 'i' of "\xEC\x84" | "is" (a cut-off sequence ending one chunk; found by
    // fuzz_text_decoder).
    void utf8SplitAtEveryByteLosesNothing() {
        const QByteArray bytes = QByteArray("\x9D\xB5\xEC\x84is\xB4 ") + kText.toUtf8() + "\xEC";
        StreamingTextDecoder whole(TextEncoding::Utf8);
        QString expected = whole.decode(bytes); // one statement per call: the order of + is unspecified
        expected += whole.flush();
        QVERIFY(expected.contains(QStringLiteral("is")) && expected.contains(kText));
        QVERIFY(expected.endsWith(QChar(QChar::ReplacementCharacter)));
        for (int cut = 0; cut <= bytes.size(); ++cut) {
            StreamingTextDecoder decoder(TextEncoding::Utf8);
            QString text = decoder.decode(bytes.left(cut));
            text += decoder.decode(bytes.mid(cut));
            text += decoder.flush();
            QCOMPARE(text, expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestTextDecoder)
#include "tst_text_decoder.moc"
