// Broken or unsupported tokenizer metadata gives a clear error naming the problem, never a crash.
#include "gguf/gguf_file.h"
#include "sosoik/error.h"
#include "gguf/gguf_writer.h"
#include "tokenizer/tokenizer_factory.h"

#include <QTest>

using sosoik::Error;
using sosoik::gguf::GgufWriter;

namespace {

GgufWriter bpeVocab() {
    GgufWriter w;
    w.setString("tokenizer.ggml.model", "gpt2");
    w.setString("tokenizer.ggml.pre", "gpt-2");
    w.setStringArray("tokenizer.ggml.tokens", {"a", "b", "ab", "<|end|>"});
    w.setI32Array("tokenizer.ggml.token_type", {1, 1, 1, 3});
    w.setStringArray("tokenizer.ggml.merges", {"a b"});
    w.setU32("tokenizer.ggml.eos_token_id", 3);
    return w;
}

GgufWriter spmVocab() {
    GgufWriter w;
    w.setString("tokenizer.ggml.model", "llama");
    w.setStringArray("tokenizer.ggml.tokens", {"<unk>", "<s>", "</s>", "\xE2\x96\x81", "a"});
    w.setF32Array("tokenizer.ggml.scores", {0, 0, 0, -1, -2});
    w.setI32Array("tokenizer.ggml.token_type", {2, 3, 3, 1, 1});
    return w;
}

// Returns the error the factory throws for this file ("" when it loads).
QString loadError(const GgufWriter& w, Error::Kind* kind = nullptr) {
    const auto bytes = w.bytes();
    try {
        auto tok = sosoik::createTokenizer(*sosoik::gguf::File::fromMemory(bytes));
        return {};
    } catch (const Error& e) {
        if (kind) *kind = e.kind();
        return QString::fromUtf8(e.what());
    }
}

} // namespace

class TestVocabErrors : public QObject {
    Q_OBJECT
private slots:
    void validMinimalVocabsLoad() {
        QCOMPARE(loadError(bpeVocab()), QString());
        QCOMPARE(loadError(spmVocab()), QString());
        const auto bytes = bpeVocab().bytes();
        auto tok = sosoik::createTokenizer(*sosoik::gguf::File::fromMemory(bytes));
        QCOMPARE(tok->encode("ab", false), (std::vector<int32_t>{2}));
        QVERIFY(tok->isEndOfGeneration(3));
        QCOMPARE(tok->bos(), -1); // llama.cpp's default BOS id 11 is outside this vocabulary
    }

    void brokenMetadata_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<int>("kind");
        const int invalid = int(Error::Kind::InvalidModel), unsupported = int(Error::Kind::Unsupported);
        QTest::newRow("no tokenizer") << "no-model"
                                      << "tokenizer.ggml.model" << invalid;
        QTest::newRow("unknown model") << "t5"
                                       << "'t5'" << unsupported;
        QTest::newRow("no tokens") << "no-tokens"
                                   << "tokenizer.ggml.tokens" << invalid;
        QTest::newRow("empty vocab") << "empty-tokens"
                                     << "empty" << invalid;
        QTest::newRow("tokens not strings") << "int-tokens"
                                            << "tokenizer.ggml.tokens" << invalid;
        QTest::newRow("duplicate token") << "duplicate"
                                         << "'a'" << invalid;
        QTest::newRow("short token types") << "short-types"
                                           << "token_type" << invalid;
        QTest::newRow("no merges") << "no-merges"
                                   << "tokenizer.ggml.merges" << invalid;
        QTest::newRow("unknown pre") << "bad-pre"
                                     << "'klingon'" << unsupported;
        QTest::newRow("spm without scores") << "no-scores"
                                            << "tokenizer.ggml.scores" << invalid;
        QTest::newRow("spm without unknown") << "no-unk"
                                             << "unknown" << invalid;
    }
    void brokenMetadata() {
        QFETCH(QString, what);
        QFETCH(QString, mentions);
        QFETCH(int, kind);
        const bool spm = what == "no-scores" || what == "no-unk";
        GgufWriter w = spm ? spmVocab() : bpeVocab();
        if (what == "no-model") w.removeKey("tokenizer.ggml.model");
        if (what == "t5") w.setString("tokenizer.ggml.model", "t5");
        if (what == "no-tokens") w.removeKey("tokenizer.ggml.tokens");
        if (what == "empty-tokens") w.setStringArray("tokenizer.ggml.tokens", {});
        if (what == "int-tokens") w.setI32Array("tokenizer.ggml.tokens", {1, 2, 3});
        if (what == "duplicate") w.setStringArray("tokenizer.ggml.tokens", {"a", "b", "a", "c"});
        if (what == "short-types") w.setI32Array("tokenizer.ggml.token_type", {1});
        if (what == "no-merges") w.removeKey("tokenizer.ggml.merges");
        if (what == "bad-pre") w.setString("tokenizer.ggml.pre", "klingon");
        if (what == "no-scores") w.removeKey("tokenizer.ggml.scores");
        if (what == "no-unk") w.setU32("tokenizer.ggml.unknown_token_id", 99);
        Error::Kind got{};
        const QString message = loadError(w, &got);
        QVERIFY2(message.contains(mentions), qPrintable(message));
        QCOMPARE(int(got), kind);
        QVERIFY(message.endsWith('.')); // complete sentences for the user
    }

    void outOfRangeIdsAreRejectedNotReadPastTheEnd() {
        const auto bytes = bpeVocab().bytes();
        auto tok = sosoik::createTokenizer(*sosoik::gguf::File::fromMemory(bytes));
        QVERIFY_THROWS_EXCEPTION(Error, tok->piece(4));
        QVERIFY_THROWS_EXCEPTION(Error, tok->decode({0, -1}));
        QVERIFY_THROWS_EXCEPTION(Error, tok->tokenBytes(1000));
    }
};

QTEST_GUILESS_MAIN(TestVocabErrors)
#include "tst_vocab_errors.moc"
