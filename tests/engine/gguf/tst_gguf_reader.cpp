// The GGUF reader: every value type, v2/v3, alignment, and every kind of corruption —
// each must end in a sosoik::Error that names what is wrong, never a crash.
#include "gguf/gguf_file.h"
#include "gguf/gguf_writer.h"
#include "sosoik/error.h"

#include <QTemporaryDir>
#include <QTest>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>

using namespace sosoik;
using namespace sosoik::gguf;
using sosoik::gguf::GgufWriter;

namespace {

GgufWriter smallFile(uint32_t version = 3) {
    GgufWriter w(version);
    w.setString("general.architecture", "llama");
    w.setU32("llama.block_count", 2);
    w.setStringArray("tokenizer.ggml.tokens", {"<unk>", "<s>", "</s>", "hello"});
    std::vector<float> a(64 * 2), b(32);
    for (size_t i = 0; i < a.size(); ++i)
        a[i] = static_cast<float>(i) * 0.25f - 3.f;
    for (size_t i = 0; i < b.size(); ++i)
        b[i] = static_cast<float>(i);
    w.addTensor("blk.0.attn_q.weight", {64, 2}, TensorType::Q8_0, a);
    w.addTensor("output_norm.weight", {32}, TensorType::F32, b);
    return w;
}

template <class T> void poke(std::vector<uint8_t>& bytes, size_t at, T v) {
    std::memcpy(bytes.data() + at, &v, sizeof v);
}

// Parses bytes expecting failure; returns the message.
QString errorOf(const std::vector<uint8_t>& bytes) {
    try {
        File::fromMemory(bytes);
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class TestGgufReader : public QObject {
    Q_OBJECT
private slots:
    void parsesEveryValueType() {
        GgufWriter w;
        w.setU8("u8", 200);
        w.setI8("i8", -100);
        w.setU16("u16", 60000);
        w.setI16("i16", -30000);
        w.setU32("u32", 4000000000u);
        w.setI32("i32", -2000000000);
        w.setU64("u64", 1ull << 40);
        w.setI64("i64", -(1ll << 40));
        w.setF32("f32", 0.5f);
        w.setF64("f64", 1e-300);
        w.setBool("bool", true);
        w.setString("str", "héllo");
        w.setI32Array("ints", {1, -2, 3});
        // An array of two arrays of strings.
        std::vector<uint8_t> inner1, inner2;
        for (const char* s : {"a", "bc"}) {
            const uint64_t n = std::strlen(s);
            inner1.insert(inner1.end(), reinterpret_cast<const uint8_t*>(&n),
                          reinterpret_cast<const uint8_t*>(&n) + 8);
            inner1.insert(inner1.end(), s, s + n);
        }
        auto a1 = GgufWriter::arrayPayload(ValueType::String, 2, inner1);
        auto a2 = GgufWriter::arrayPayload(ValueType::String, 0, inner2);
        std::vector<uint8_t> outer(a1);
        outer.insert(outer.end(), a2.begin(), a2.end());
        w.setRaw("nested", ValueType::Array, GgufWriter::arrayPayload(ValueType::Array, 2, outer));
        const auto bytes = w.bytes();
        auto f = File::fromMemory(bytes);
        QCOMPARE(*f->getInt("u8"), 200);
        QCOMPARE(*f->getInt("i8"), -100);
        QCOMPARE(*f->getInt("u16"), 60000);
        QCOMPARE(*f->getInt("i16"), -30000);
        QCOMPARE(*f->getInt("u32"), 4000000000ll);
        QCOMPARE(*f->getInt("i32"), -2000000000ll);
        QCOMPARE(*f->getInt("u64"), 1ll << 40);
        QCOMPARE(*f->getInt("i64"), -(1ll << 40));
        QCOMPARE(*f->getFloat("f32"), 0.5);
        QCOMPARE(*f->getFloat("f64"), 1e-300);
        QCOMPARE(*f->getFloat("u8"), 200.0); // integers widen to floats
        QCOMPARE(*f->getBool("bool"), true);
        QCOMPARE(*f->getString("str"), std::string("héllo"));
        QCOMPARE(f->find("str")->type, ValueType::String);
        const Array* ints = f->getArray("ints");
        QVERIFY(ints);
        QCOMPARE(ints->size(), size_t(3));
        QCOMPARE(*(*ints)[1].asInt(), -2);
        QCOMPARE(f->find("ints")->elementType, ValueType::Int32);
        const Array* nested = f->getArray("nested");
        QVERIFY(nested);
        QCOMPARE(nested->size(), size_t(2));
        QCOMPARE(*(*nested)[0].asArray()->at(1).asString(), std::string("bc"));
        QCOMPARE((*nested)[1].asArray()->size(), size_t(0));
        QVERIFY(!f->getInt("absent").has_value());
        QVERIFY(f->getArray("absent") == nullptr);
    }

    void wrongTypeNamesTheKey() {
        const auto bytes = smallFile().bytes();
        auto f = File::fromMemory(bytes);
        try {
            f->getInt("general.architecture");
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("general.architecture"), e.what());
            QVERIFY2(QString(e.what()).contains("string"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, f->getString("llama.block_count"));
        QVERIFY_THROWS_EXCEPTION(Error, f->getArray("llama.block_count"));
        QVERIFY_THROWS_EXCEPTION(Error, f->getBool("llama.block_count"));
    }

    void readsTensorsInBothVersions() {
        for (uint32_t version : {2u, 3u}) {
            const auto bytes = smallFile(version).bytes();
            auto f = File::fromMemory(bytes);
            QCOMPARE(f->version(), version);
            QCOMPARE(f->tensors().size(), size_t(2));
            const TensorInfo* q = f->tensor("blk.0.attn_q.weight");
            QVERIFY(q);
            QCOMPARE(q->type, TensorType::Q8_0);
            QCOMPARE(q->dims, (std::vector<uint64_t>{64, 2}));
            QCOMPARE(q->elements(), uint64_t(128));
            QCOMPARE(q->bytes, uint64_t(4 * 34));
            float row[64];
            dequantizeRow(q->type, q->data + 34 * 2, row, 64); // second row
            QVERIFY(std::fabs(row[5] - (69 * 0.25f - 3.f)) < 0.05f);
            const TensorInfo* n = f->tensor("output_norm.weight");
            float v[32];
            std::memcpy(v, n->data, sizeof v);
            QCOMPARE(v[31], 31.0f);
            QVERIFY(f->tensor("missing") == nullptr);
        }
    }

    // The CLI's synthetic models are generated while saving (never whole in memory): the streamed
    // file must equal the in-memory image, chunks must cover whole rows, and the data must read back.
    void generatedTensorsStreamWhatBytesHolds() {
        auto w = smallFile();
        const uint64_t cols = 1 << 16, rows = 300; // F16 rows of 128 KiB: 8 MiB chunks of 64 rows
        int calls = 0;
        w.addGeneratedTensor("big.weight", {cols, rows}, TensorType::F16,
                             [&calls](std::vector<uint8_t>& chunk) {
                                 QCOMPARE(chunk.size() % (cols * 2), size_t(0));
                                 for (size_t i = 0; i < chunk.size(); ++i)
                                     chunk[i] = static_cast<uint8_t>(i * 7 + calls);
                                 ++calls;
                             });
        const auto image = w.bytes();
        QCOMPARE(calls, 5); // 64 + 64 + 64 + 64 + 44 rows
        QTemporaryDir dir;
        const std::string path = dir.filePath("g.gguf").toStdString();
        calls = 0;
        w.save(path);
        std::ifstream in(path, std::ios::binary);
        const std::vector<uint8_t> saved((std::istreambuf_iterator<char>(in)),
                                         std::istreambuf_iterator<char>());
        QVERIFY(saved == image);
        auto f = File::fromMemory(image);
        const TensorInfo* t = f->tensor("big.weight");
        QVERIFY(t);
        QCOMPARE(t->bytes, cols * rows * 2);
        QCOMPARE(t->data[cols * 2 * 64 + 3], static_cast<uint8_t>(3 * 7 + 1)); // first byte-run of chunk 2
    }

    void honoursAlignment() {
        for (uint32_t alignment : {1u, 8u, 64u, 4096u}) {
            auto w = smallFile();
            w.setAlignment(alignment);
            GgufWriter::Layout layout;
            const auto bytes = w.bytes(&layout);
            auto f = File::fromMemory(bytes);
            QCOMPARE(f->alignment(), uint64_t(alignment));
            QCOMPARE(size_t(f->tensors()[0].data - bytes.data()), layout.tensorDataOffsets[0]);
            QCOMPARE(size_t(f->tensors()[1].data - bytes.data()), layout.tensorDataOffsets[1]);
            QCOMPARE(layout.dataStart % alignment, size_t(0));
        }
        auto w = smallFile();
        w.setU32("general.alignment", 48);
        QVERIFY(errorOf(w.bytes()).contains("general.alignment"));
        w.setU32("general.alignment", 0);
        QVERIFY(errorOf(w.bytes()).contains("general.alignment"));
        w.setString("general.alignment", "32");
        QVERIFY(errorOf(w.bytes()).contains("general.alignment"));
    }

    void truncationAnywhereIsAnError() {
        const auto bytes = smallFile().bytes();
        for (size_t len = 0; len < bytes.size(); ++len) {
            std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<long>(len));
            // The last tensor's trailing alignment padding is not data, so cutting only padding is fine.
            const QString err = errorOf(cut);
            if (err.isEmpty() && len < bytes.size() - 31)
                QFAIL(qPrintable(
                    QString("truncation to %1 of %2 bytes was accepted").arg(len).arg(bytes.size())));
        }
        std::vector<uint8_t> cut(bytes.begin(), bytes.end() - 40); // inside the last tensor's data
        QVERIFY2(errorOf(cut).contains("tensor output_norm.weight: data ends at byte"),
                 qPrintable(errorOf(cut)));
    }

    void headerCorruption() {
        auto bytes = smallFile().bytes();
        auto bad = bytes;
        bad[0] = 'X';
        QVERIFY(errorOf(bad).contains("not a GGUF file"));
        for (uint32_t v : {0u, 1u, 4u, 0xFFFFFFFFu}) {
            bad = bytes;
            poke<uint32_t>(bad, 4, v);
            QVERIFY(errorOf(bad).contains("version " + QString::number(v)));
        }
        bad = bytes;
        poke<uint64_t>(bad, 8, 1ull << 60); // tensor count
        QVERIFY2(errorOf(bad).contains("tensors"), qPrintable(errorOf(bad)));
        bad = bytes;
        poke<uint64_t>(bad, 16, ~0ull); // metadata count
        QVERIFY2(errorOf(bad).contains("metadata entries"), qPrintable(errorOf(bad)));
        bad = bytes;
        poke<uint64_t>(bad, 16, 4); // one more entry than present: runs into tensor infos
        QVERIFY(!errorOf(bad).isEmpty());
        QVERIFY(!errorOf({}).isEmpty());
    }

    void metadataCorruption() {
        GgufWriter::Layout layout;
        auto w = smallFile();
        const auto bytes = w.bytes(&layout);
        // kv #0 is general.architecture: key length, key, type, value length, value.
        const size_t kv0 = layout.kvOffsets[0];
        auto bad = bytes;
        poke<uint64_t>(bad, kv0, 1ull << 62); // key length
        QVERIFY2(errorOf(bad).contains("metadata key #0"), qPrintable(errorOf(bad)));
        const size_t typeAt = kv0 + 8 + std::strlen("general.architecture");
        bad = bytes;
        poke<uint32_t>(bad, typeAt, 13);
        QVERIFY2(errorOf(bad).contains("general.architecture: unknown value type 13"),
                 qPrintable(errorOf(bad)));
        bad = bytes;
        poke<uint64_t>(bad, typeAt + 4, 1ull << 40); // string length
        QVERIFY2(errorOf(bad).contains("general.architecture has length"), qPrintable(errorOf(bad)));
        // kv #2 is the token array: type(4) elemType(4) count(8).
        const size_t arr = layout.kvOffsets[2] + 8 + std::strlen("tokenizer.ggml.tokens") + 4;
        bad = bytes;
        poke<uint32_t>(bad, arr, 77);
        QVERIFY2(errorOf(bad).contains("tokenizer.ggml.tokens: unknown array element type"),
                 qPrintable(errorOf(bad)));
        bad = bytes;
        poke<uint64_t>(bad, arr + 4, 1ull << 58);
        QVERIFY2(errorOf(bad).contains("tokenizer.ggml.tokens: array of"), qPrintable(errorOf(bad)));
        bad = bytes;
        poke<uint64_t>(bad, arr + 4, 5); // one more string than present
        QVERIFY(!errorOf(bad).isEmpty());

        GgufWriter d;
        d.setString("k", "a");
        d.setRaw("k2", ValueType::Bool, {2});
        QVERIFY(errorOf(d.bytes()).contains("k2: invalid bool"));
        GgufWriter dup;
        dup.setU32("a", 1);
        dup.setU32("b", 2);
        auto dupBytes = dup.bytes(&layout);
        dupBytes[layout.kvOffsets[1] + 8] = 'a'; // rename "b" to "a"
        QVERIFY(errorOf(dupBytes).contains("a: duplicate key"));
        // Deeply nested arrays.
        std::vector<uint8_t> payload = GgufWriter::arrayPayload(ValueType::UInt8, 0, {});
        for (int i = 0; i < 20; ++i)
            payload = GgufWriter::arrayPayload(ValueType::Array, 1, payload);
        GgufWriter deep;
        deep.setRaw("deep", ValueType::Array, payload);
        QVERIFY(errorOf(deep.bytes()).contains("deep: arrays nested deeper"));
    }

    void tensorInfoCorruption() {
        GgufWriter::Layout layout;
        const auto bytes = smallFile().bytes(&layout);
        const size_t t0 = layout.tensorInfoOffsets[0];
        const size_t nDimsAt = t0 + 8 + std::strlen("blk.0.attn_q.weight");
        const size_t dimsAt = nDimsAt + 4, typeAt = dimsAt + 16, offsetAt = typeAt + 4;
        auto bad = bytes;
        poke<uint32_t>(bad, nDimsAt, 5);
        QVERIFY2(errorOf(bad).contains("tensor blk.0.attn_q.weight: 5 dimensions"), qPrintable(errorOf(bad)));
        bad = bytes;
        poke<uint32_t>(bad, nDimsAt, 0);
        QVERIFY(errorOf(bad).contains("blk.0.attn_q.weight"));
        bad = bytes;
        poke<uint64_t>(bad, dimsAt + 8, 0);
        QVERIFY(errorOf(bad).contains("tensor blk.0.attn_q.weight: invalid dimensions"));
        bad = bytes;
        poke<uint64_t>(bad, dimsAt, 1ull << 40);
        poke<uint64_t>(bad, dimsAt + 8, 1ull << 40);
        QVERIFY2(errorOf(bad).contains("element count overflows"), qPrintable(errorOf(bad)));
        bad = bytes;
        poke<uint64_t>(bad, dimsAt + 8, (1ull << 62) / 64); // element count fits, but data is far too big
        QVERIFY2(errorOf(bad).contains("blk.0.attn_q.weight"), qPrintable(errorOf(bad)));
        bad = bytes;
        poke<uint64_t>(bad, dimsAt, 48); // not a multiple of Q8_0's 32
        QVERIFY2(errorOf(bad).contains("not a multiple of Q8_0's block size 32"), qPrintable(errorOf(bad)));
        bad = bytes;
        poke<uint32_t>(bad, typeAt, 5);
        QVERIFY2(errorOf(bad).contains("tensor blk.0.attn_q.weight: unknown tensor type id 5"),
                 qPrintable(errorOf(bad)));
        bad = bytes;
        poke<uint64_t>(bad, offsetAt, 8);
        QVERIFY2(errorOf(bad).contains("not a multiple of the alignment"), qPrintable(errorOf(bad)));
        bad = bytes;
        poke<uint64_t>(bad, offsetAt, 1ull << 20);
        QVERIFY2(errorOf(bad).contains(
                     QString("tensor blk.0.attn_q.weight: data ends at byte %1 past end of file (size %2)")
                         .arg(layout.dataStart + (1ull << 20) + 136)
                         .arg(bytes.size())),
                 qPrintable(errorOf(bad)));
        bad = bytes;
        poke<uint64_t>(bad, offsetAt, ~0ull - 31);
        QVERIFY(errorOf(bad).contains("past end of file"));
        bad = bytes;
        bad[t0 + 8 + 4] = 'x'; // "blk.0..." -> same name as the other tensor? use a duplicate instead:
        GgufWriter dup;
        dup.addTensor("a", {4}, TensorType::F32, {1, 2, 3, 4});
        dup.addTensor("b", {4}, TensorType::F32, {1, 2, 3, 4});
        auto dupBytes = dup.bytes(&layout);
        dupBytes[layout.tensorInfoOffsets[1] + 8] = 'a';
        QVERIFY(errorOf(dupBytes).contains("tensor a: duplicate tensor name"));
    }

    void randomMutationsNeverCrash() {
        const auto bytes = smallFile().bytes();
        std::mt19937 rng(1234);
        int accepted = 0;
        for (int iter = 0; iter < 3000; ++iter) {
            auto m = bytes;
            const int flips = 1 + static_cast<int>(rng() % 4);
            for (int i = 0; i < flips; ++i) {
                const size_t at = rng() % m.size();
                m[at] = (rng() % 3 == 0) ? 0xFF : static_cast<uint8_t>(rng());
            }
            try {
                auto f = File::fromMemory(m);
                for (const auto& t : f->tensors())
                    QVERIFY(t.data + t.bytes <= m.data() + m.size());
                ++accepted;
            } catch (const Error&) {
            }
        }
        QVERIFY(accepted > 0); // flips in tensor data are harmless
    }

    void openReportsIoErrors() {
        try {
            File::open("/nonexistent/model.gguf");
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Io);
            QVERIFY(QString(e.what()).contains("/nonexistent/model.gguf"));
        }
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(Error, File::open(dir.path().toStdString()));
        const std::string empty = (dir.path() + "/empty.gguf").toStdString();
        {
            FILE* f = std::fopen(empty.c_str(), "wb");
            std::fclose(f);
        }
        QVERIFY_THROWS_EXCEPTION(Error, File::open(empty));
        const std::string good = (dir.path() + "/good.gguf").toStdString();
        smallFile().save(good);
        auto f = File::open(good);
        QCOMPARE(f->tensors().size(), size_t(2));
        QCOMPARE(*f->getString("general.architecture"), std::string("llama"));
    }
};

QTEST_GUILESS_MAIN(TestGgufReader)
#include "tst_gguf_reader.moc"
