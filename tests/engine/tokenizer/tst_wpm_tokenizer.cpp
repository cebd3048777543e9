// WordPiece (BERT): normalization and decoding on the BGE vocabulary (its conformance strings
// are covered by tst_tokenizer_suite).
#include "tokenizer/tokenizer_test_helpers.h"

#include <QTest>

using sosoik::test::loadTokenizer;

class TestWpmTokenizer : public QObject {
    Q_OBJECT
private slots:
    void normalizesAndDecodesBge() {
        SOSOIK_REQUIRE_SHARED(path, "tokenizer-suite/ggml-vocab-bert-bge.gguf");
        auto tok = loadTokenizer(path);
        QCOMPARE(tok->kind(), std::string("bert"));
        QCOMPARE(tok->bos(), 101); // [CLS]
        QVERIFY(tok->addBosByDefault());
        const auto ids = tok->encode("Héllo, WORLD!", false);
        // Lowercased, accent stripped, punctuation split off.
        QCOMPARE(tok->encode("hello , world !", false), ids);
        QCOMPARE(tok->decode(ids), std::string("hello , world !"));
        QCOMPARE(tok->encode("Hello", true).front(), 101);
        // A word no piece sequence can spell is a single [UNK].
        QCOMPARE(tok->encode("\xF0\x9F\xA6\x99", false), (std::vector<int32_t>{100}));
    }
};

QTEST_GUILESS_MAIN(TestWpmTokenizer)
#include "tst_wpm_tokenizer.moc"
