// The synthetic model generator writes GGUFs the reader accepts, with the requested shapes.
#include "gguf/gguf_file.h"
#include "support/synthetic_model.h"

#include <QTest>

using namespace sosoik;
using namespace sosoik::test;
using gguf::TensorType;

class TestSyntheticModel : public QObject {
    Q_OBJECT
private slots:
    void llamaWithEveryType_data() {
        QTest::addColumn<int>("type");
        for (auto t :
             {TensorType::F32, TensorType::F16, TensorType::BF16, TensorType::Q8_0, TensorType::Q4_0,
              TensorType::Q4_1, TensorType::Q5_0, TensorType::Q5_1, TensorType::IQ4_NL, TensorType::Q2_K,
              TensorType::Q3_K, TensorType::Q4_K, TensorType::Q5_K, TensorType::Q6_K, TensorType::IQ4_XS})
            QTest::newRow(std::string(gguf::typeName(t)).c_str()) << int(t);
    }
    void llamaWithEveryType() {
        QFETCH(int, type);
        SyntheticModelSpec spec;
        spec.weightType = static_cast<TensorType>(type);
        const bool kQuant = gguf::traits(spec.weightType).blockElements == 256;
        spec.nEmbd = kQuant ? 256 : 64;
        spec.nFf = kQuant ? 512 : 96;
        const auto bytes = buildSyntheticModel(spec).bytes();
        auto f = gguf::File::fromMemory(bytes);
        QCOMPARE(*f->getString("general.architecture"), std::string("llama"));
        QCOMPARE(f->getArray("tokenizer.ggml.tokens")->size(), size_t(spec.nVocab));
        QCOMPARE(*f->getArray("tokenizer.ggml.tokens")->at(3 + 0x41).asString(), std::string("<0x41>"));
        const auto* q = f->tensor("blk.1.attn_q.weight");
        QVERIFY(q);
        QCOMPARE(q->type, spec.weightType);
        QCOMPARE(q->dims, (std::vector<uint64_t>{uint64_t(spec.nEmbd), uint64_t(spec.nEmbd)}));
        QCOMPARE(f->tensor("blk.0.attn_k.weight")->dims[1], uint64_t(spec.nEmbd / 2)); // GQA 4:2
        QVERIFY(f->tensor("output.weight"));
        QVERIFY(!f->tensor("blk.0.attn_q.bias"));
    }
    void qwen2TiedWithRopeFreqsAndOddShapes() {
        SyntheticModelSpec spec;
        spec.architecture = "qwen2";
        spec.nEmbd = 36;
        spec.nHead = 3;
        spec.nHeadKv = 1;
        spec.nFf = 50;
        spec.nVocab = 301;
        spec.tiedOutput = true;
        spec.ropeFreqs = true;
        spec.weightType = TensorType::F16;
        const auto bytes = buildSyntheticModel(spec).bytes();
        auto f = gguf::File::fromMemory(bytes);
        QVERIFY(!f->tensor("output.weight"));
        QCOMPARE(f->tensor("rope_freqs.weight")->dims[0], uint64_t(6));
        QCOMPARE(f->tensor("blk.0.attn_k.bias")->dims[0], uint64_t(12));
        QCOMPARE(f->tensor("token_embd.weight")->dims[1], uint64_t(301));
    }
    void rejectsShapesTheTypeCannotHold() {
        SyntheticModelSpec spec;
        spec.weightType = TensorType::Q4_K; // rows of 64 are not a multiple of 256
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, buildSyntheticModel(spec));
    }
};

QTEST_GUILESS_MAIN(TestSyntheticModel)
#include "tst_synthetic_model.moc"
