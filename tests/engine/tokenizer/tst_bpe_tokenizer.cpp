// Byte-level BPE pieces: the GPT-2 byte mapping, the pre-tokenizer expressions (Unicode
// categories, Korean included), merge order, llama.cpp's ignore_merges rule and special tokens.
#include "tokenizer/tokenizer_test_helpers.h"

#include "sosoik/error.h"
#include "tokenizer/bpe_tokenizer.h"
#include "tokenizer/byte_level.h"
#include "tokenizer/pre_tokenizer.h"

#include <QTest>

using sosoik::test::idList;
using sosoik::test::loadTokenizer;
using sosoik::tok::PreTokenizer;

namespace {

QStringList pieces(const PreTokenizer& pre, const std::string& text) {
    QStringList out;
    for (std::string_view p : pre.split(text))
        out << QString::fromUtf8(p.data(), static_cast<int>(p.size()));
    return out;
}

// A toy vocabulary: a, b, c, ab, abc with the single merge "a b".
sosoik::tok::Vocab toyVocab(const std::string& pre) {
    sosoik::tok::Vocab v;
    v.model = "gpt2";
    v.pre = pre;
    v.tokens = {"a", "b", "c", "ab", "abc", "<|end|>"};
    v.types.assign(v.tokens.size(), sosoik::tok::TokenType::Normal);
    v.types[5] = sosoik::tok::TokenType::Control;
    v.merges = {"a b"};
    v.eos = 5;
    return v;
}

} // namespace

class TestBpeTokenizer : public QObject {
    Q_OBJECT
private slots:
    void byteMappingIsGpt2sAndReversible() {
        QCOMPARE(sosoik::tok::byteLevelEncode(" "), std::string("Ġ"));
        QCOMPARE(sosoik::tok::byteLevelEncode("\n"), std::string("Ċ"));
        QCOMPARE(sosoik::tok::byteLevelEncode("a!"), std::string("a!"));
        std::string all;
        for (int b = 0; b < 256; ++b)
            all.push_back(static_cast<char>(b));
        const std::string encoded = sosoik::tok::byteLevelEncode(all);
        QVERIFY(sosoik::test::isValidUtf8(encoded));
        QCOMPARE(sosoik::tok::byteLevelDecode(encoded), all);
    }

    void gpt2SplitsWordsContractionsAndSpaces() {
        PreTokenizer pre("gpt-2");
        QCOMPARE(pieces(pre, "Hello world's  end 42"),
                 (QStringList{"Hello", " world", "'s", " ", " end", " 42"}));
    }

    void llama3GroupsDigitsByThreeAndKeepsHangulWords() {
        PreTokenizer pre("llama-bpe");
        QVERIFY(pre.ignoreMerges());
        QCOMPARE(pieces(pre, "12345"), (QStringList{"123", "45"}));
        QCOMPARE(pieces(pre, "안녕하세요, 세계!\n\n"), (QStringList{"안녕하세요", ",", " 세계", "!\n\n"}));
        QCOMPARE(pieces(pre, "I'M here"), (QStringList{"I", "'M", " here"}));
    }

    void qwen2SplitsDigitsIndividually() {
        PreTokenizer pre("qwen2");
        QVERIFY(!pre.ignoreMerges());
        QCOMPARE(pieces(pre, "x2024"), (QStringList{"x", "2", "0", "2", "4"}));
    }

    void multiExpressionFamiliesKeepTheTextBetweenMatches() {
        PreTokenizer pre("deepseek-coder");
        QCOMPARE(pieces(pre, "int x=1;\n"), (QStringList{"int", " x", "=", "1", ";", "\n"}));
        PreTokenizer exaone("exaone"); // StarCoder-style: single digits, then GPT-2 words
        QCOMPARE(pieces(exaone, "v12 안녕"), (QStringList{"v", "1", "2", " 안녕"}));
    }

    void unknownPreTokenizerIsAClearError() {
        try {
            PreTokenizer pre("no-such-pre");
            QFAIL("expected an error");
        } catch (const sosoik::Error& e) {
            QCOMPARE(e.kind(), sosoik::Error::Kind::Unsupported);
            QVERIFY2(QString(e.what()).contains("no-such-pre"), e.what());
            QVERIFY(QString(e.what()).contains("llama-bpe")); // lists what is supported
        }
        PreTokenizer legacy(""); // files without tokenizer.ggml.pre: llama.cpp's default split
        QCOMPARE(legacy.name(), std::string());
        QVERIFY(!legacy.split("Hello, world").empty());
    }

    void mergesApplyByRankUnlessWholeTokenRuleApplies() {
        sosoik::tok::BpeTokenizer gpt2(toyVocab("gpt-2"));
        QCOMPARE(gpt2.encode("abc", false), (std::vector<int32_t>{3, 2})); // a b c -> ab c
        // Llama 3 (ignore_merges): a piece that is itself a token is emitted as that token.
        sosoik::tok::BpeTokenizer llama3(toyVocab("llama-bpe"));
        QCOMPARE(llama3.encode("abc", false), (std::vector<int32_t>{4}));
        QCOMPARE(llama3.decode({4}), std::string("abc"));
    }

    void controlTokensOnlyInMarkup() {
        sosoik::tok::BpeTokenizer tok(toyVocab("gpt-2"));
        QCOMPARE(tok.encode("ab<|end|>", false, true), (std::vector<int32_t>{3, 5}));
        const auto typed = tok.encode("ab<|end|>", false, false);
        QVERIFY(std::find(typed.begin(), typed.end(), 5) == typed.end());
        QVERIFY(tok.isEndOfGeneration(5));
        QCOMPARE(tok.decode({3, 5}), std::string("ab"));
        QCOMPARE(tok.decode({3, 5}, true), std::string("ab<|end|>"));
    }

    void qwen2ChatMarkupAndPlainAddedTokens() {
        SOSOIK_REQUIRE_SHARED(gguf, "tokenizer-suite/ggml-vocab-qwen2.gguf");
        auto tok = loadTokenizer(gguf);
        QCOMPARE(tok->kind(), std::string("gpt2"));
        QVERIFY(!tok->addBosByDefault());
        const auto ids = tok->encode("<|im_start|>user\n안녕<|im_end|>", true, true);
        QCOMPARE(ids.front(), 151644);
        QCOMPARE(ids.back(), 151645);
        QVERIFY(tok->isEndOfGeneration(151645));
        const auto typed = tok->encode("<|im_start|>", false, false);
        QVERIFY2(typed.size() > 1 && typed.front() != 151644, qPrintable(idList(typed)));
        QCOMPARE(tok->decode(typed), std::string("<|im_start|>"));
    }

    void llama3AddsBosAndKnowsEndOfTurn() {
        SOSOIK_REQUIRE_SHARED(gguf, "tokenizer-suite/ggml-vocab-llama-bpe.gguf");
        auto tok = loadTokenizer(gguf);
        QVERIFY(tok->addBosByDefault());
        QCOMPARE(tok->encode("Hello", true), (std::vector<int32_t>{128000, 9906}));
        QVERIFY(tok->isEndOfGeneration(128009)); // <|eot_id|>
        QVERIFY(tok->isEndOfGeneration(128001)); // <|end_of_text|>
        QVERIFY(!tok->isEndOfGeneration(128006));
    }

    void mptRunsOfSpacesAreTextTokens() {
        SOSOIK_REQUIRE_SHARED(gguf, "tokenizer-suite/ggml-vocab-mpt.gguf");
        auto tok = loadTokenizer(gguf);
        // User-defined whitespace tokens are plain text: matched even without special parsing.
        QCOMPARE(tok->encode("  ", false, false), (std::vector<int32_t>{50276}));
        QCOMPARE(tok->decode({50276}), std::string("  "));
    }
};

QTEST_GUILESS_MAIN(TestBpeTokenizer)
#include "tst_bpe_tokenizer.moc"
