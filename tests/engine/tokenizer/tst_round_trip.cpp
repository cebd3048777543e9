// decode(encode(x)) == x for every kind of text on SentencePiece and byte-level BPE vocabs, and
// streaming token-by-token decoding yields only valid UTF-8 that adds up to the whole decode.
#include "tokenizer/tokenizer_test_helpers.h"

#include <QRandomGenerator>
#include <QTest>

using sosoik::test::isValidUtf8;
using sosoik::test::loadTokenizer;

namespace {

const char* const kVocabs[] = {
    "models/stories260K.gguf",
    "tokenizer-suite/ggml-vocab-llama-spm.gguf",
    "tokenizer-suite/ggml-vocab-phi-3.gguf",
    "tokenizer-suite/ggml-vocab-gpt-2.gguf",
    "tokenizer-suite/ggml-vocab-llama-bpe.gguf",
    "tokenizer-suite/ggml-vocab-qwen2.gguf",
    "tokenizer-suite/ggml-vocab-deepseek-llm.gguf",
    "tokenizer-suite/ggml-vocab-starcoder.gguf",
    "tokenizer-suite/ggml-vocab-baichuan.gguf", // SentencePiece without a test-string file
    "tokenizer-suite/ggml-vocab-gpt-neox.gguf", // no tokenizer.ggml.pre: the documented default split
};

const std::pair<const char*, const char*> kTexts[] = {
    {"english", "The quick brown fox jumps over the lazy dog. It's 3:45 p.m., isn't it?"},
    {"korean", "안녕하세요, 세계! 오늘 날씨가 참 좋네요. 한국어 토큰화 시험입니다."},
    {"emoji", "Hi 👋🏽 family 👨‍👩‍👧‍👦 flags 🇰🇷 done ✅🚀"},
    {"code", "int main() {\n\treturn a->b[0] >= 0x1F ? \"ok\" : '\\0';\n}\n"},
    {"whitespace", "  two leading\t\ttabs\n\n\nthree newlines  \r\n   trailing   "},
    {"mixed", "Hello 세계 🌍 123.45% — «quoted» ñandú 漢字 العربية"},
};

// Streams ids one by one and checks every chunk; returns the concatenation.
std::string streamDecode(const sosoik::Tokenizer& tok, const std::vector<int32_t>& ids, bool* allValid) {
    sosoik::StreamDecoder stream(tok);
    std::string out;
    *allValid = true;
    for (int32_t id : ids) {
        const std::string chunk = stream.push(id);
        *allValid &= isValidUtf8(chunk);
        out += chunk;
    }
    const std::string rest = stream.flush();
    *allValid &= isValidUtf8(rest);
    return out + rest;
}

// A tokenizer whose tokens are raw byte strings, to test StreamDecoder without any model file.
class BytesTokenizer : public sosoik::Tokenizer {
public:
    explicit BytesTokenizer(std::vector<std::string> tokens) : tokens_(std::move(tokens)) {}
    std::vector<int32_t> encode(std::string_view, bool, bool) const override { return {}; }
    std::string decode(const std::vector<int32_t>& ids, bool) const override {
        std::string s;
        for (int32_t id : ids)
            s += tokens_.at(id);
        return s;
    }
    std::string tokenBytes(int32_t id) const override { return tokens_.at(id); }
    std::string piece(int32_t id) const override { return tokens_.at(id); }
    int vocabSize() const override { return static_cast<int>(tokens_.size()); }
    int32_t bos() const override { return -1; }
    int32_t eos() const override { return -1; }
    bool addBosByDefault() const override { return false; }
    bool isEndOfGeneration(int32_t) const override { return false; }
    std::string kind() const override { return "bytes"; }

private:
    std::vector<std::string> tokens_;
};

} // namespace

class TestRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void streamHoldsBackIncompleteCharacters() {
        // "한" is ED 95 9C; "😀" is F0 9F 98 80.
        BytesTokenizer tok({"\xED", "\x95", "\x9C", "a", "\xF0\x9F", "\x98\x80", " "});
        sosoik::StreamDecoder stream(tok);
        QCOMPARE(stream.push(3), std::string("a"));
        QCOMPARE(stream.push(0), std::string());
        QCOMPARE(stream.push(1), std::string());
        QCOMPARE(stream.push(2), std::string("한"));
        QCOMPARE(stream.push(4), std::string());
        QCOMPARE(stream.push(5), std::string("😀"));
        QCOMPARE(stream.push(6), std::string(" "));
        QCOMPARE(stream.push(4), std::string());
        QCOMPARE(stream.flush(), std::string("\xF0\x9F")); // what never completed still comes out at the end
        QCOMPARE(stream.flush(), std::string());
    }

    void invalidUtf8BytesSurvive_data() {
        QTest::addColumn<QString>("vocab");
        QTest::newRow("spm") << "tokenizer-suite/ggml-vocab-llama-spm.gguf";
        QTest::newRow("bpe") << "tokenizer-suite/ggml-vocab-gpt-2.gguf";
    }
    void invalidUtf8BytesSurvive() {
        QFETCH(QString, vocab);
        SOSOIK_REQUIRE_SHARED(path, vocab);
        auto tok = loadTokenizer(path);
        // Latin-1 text, a lone continuation byte, a truncated sequence and a surrogate encoding.
        const std::string bytes = "caf\xE9 \x80x \xE2\x82 y \xED\xA0\x80 z\xFF";
        const auto ids = tok->encode(bytes, false);
        QCOMPARE(QByteArray::fromStdString(tok->decode(ids)), QByteArray::fromStdString(bytes));
    }

    // Arbitrary bytes (mixed with markup-looking text and multi-byte characters) never crash the
    // tokenizers and always come back unchanged. Two inputs are outside what the vocabularies can
    // spell, so they are not generated: a literal "▁" (SentencePiece's own space mark) and bytes
    // that never occur in UTF-8 (C0, C1, F5-FF; DeepSeek's vocab spells those as letters).
    void randomInputsRoundTrip_data() {
        QTest::addColumn<QString>("vocab");
        QTest::newRow("spm") << "tokenizer-suite/ggml-vocab-phi-3.gguf";
        QTest::newRow("bpe-qwen2") << "tokenizer-suite/ggml-vocab-qwen2.gguf";
        QTest::newRow("bpe-deepseek") << "tokenizer-suite/ggml-vocab-deepseek-llm.gguf";
    }
    void randomInputsRoundTrip() {
        QFETCH(QString, vocab);
        SOSOIK_REQUIRE_SHARED(path, vocab);
        auto tok = loadTokenizer(path);
        const char* pieces[] = {
            "<|im_start|>", "<|end|>",          "</s>", " ", "  ", "\n", "\t",   "\r\n", "한",
            "글",           "\xF0\x9F\x98\x80", "a",    "Z", "9",  "'s", "\xC3", "\x80"};
        QRandomGenerator rng(1234);
        for (int round = 0; round < 300; ++round) {
            std::string input;
            const int n = rng.bounded(1, 24);
            for (int i = 0; i < n; ++i) {
                if (rng.bounded(4) == 0) {
                    const int byte = rng.bounded(0xF5);
                    input.push_back(static_cast<char>(byte == 0xC0 || byte == 0xC1 ? 0x80 : byte));
                } else
                    input += pieces[rng.bounded(int(std::size(pieces)))];
            }
            const auto ids = tok->encode(input, rng.bounded(2) == 0, false);
            QCOMPARE(QByteArray::fromStdString(tok->decode(ids)), QByteArray::fromStdString(input));
            (void)tok->encode(input, true, true); // markup parsing must not fail either
        }
    }

    void roundTrip_data() {
        QTest::addColumn<QString>("vocab");
        QTest::addColumn<QByteArray>("text");
        for (const char* vocab : kVocabs)
            for (const auto& [name, text] : kTexts) {
                const QString v = QString(vocab).section('/', -1).remove("ggml-vocab-").remove(".gguf");
                QTest::newRow(qPrintable(v + "/" + name)) << QString(vocab) << QByteArray(text);
            }
    }

    void roundTrip() {
        QFETCH(QString, vocab);
        QFETCH(QByteArray, text);
        SOSOIK_REQUIRE_SHARED(path, vocab);
        // One tokenizer per vocabulary for all rows: loading the big ones takes a while.
        static std::map<QString, std::unique_ptr<sosoik::Tokenizer>> cache;
        auto& tok = cache[path];
        if (!tok) tok = loadTokenizer(path);

        const std::string input = text.toStdString();
        for (bool addBos : {false, true}) {
            const auto ids = tok->encode(input, addBos);
            QVERIFY(!ids.empty());
            const std::string decoded = tok->decode(ids);
            QCOMPARE(QByteArray::fromStdString(decoded), text);
            bool allValid = false;
            QCOMPARE(QByteArray::fromStdString(streamDecode(*tok, ids, &allValid)), text);
            QVERIFY(allValid);
        }
    }
};

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_round_trip.moc"
