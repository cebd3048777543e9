// `sosoik-cli bench`: the llama-bench style table and JSON lines on a synthetic model, and
// clear errors for bad options.
#include "gguf/gguf_file.h"
#include "gguf/tensor_types.h"
#include "support/test_support.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>

namespace {
using sosoik::test::runCli;
} // namespace

class TestCliBench : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString model;

private slots:
    void initTestCase() {
        model = dir.filePath("stories15M-Q4_0.gguf");
        const auto r =
            runCli({"bench", "--synthetic", "stories15M", "--type", "Q4_0", "-o", model, "--generate-only"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFileInfo(model).size() > 8'000'000);
    }

    // The metadata llama.cpp's loader needs for a llama file without a vocabulary (docs/PERFORMANCE.md
    // benchmarks the same synthetic file under llama-bench), and Sosoik still opens it on token ids.
    void syntheticFileCarriesLlamaCppMetadata() {
        const auto f = sosoik::gguf::File::open(model.toStdString());
        QCOMPARE(f->getString("general.architecture").value_or(""), std::string("llama"));
        QCOMPARE(f->getString("tokenizer.ggml.model").value_or(""), std::string("none"));
        QVERIFY(f->getArray("tokenizer.ggml.tokens") == nullptr);
        QCOMPARE(f->getInt("llama.vocab_size").value_or(0), int64_t(32000));
        const auto* embd = f->tensor("token_embd.weight");
        QVERIFY(embd != nullptr);
        QCOMPARE(embd->dims, std::vector<uint64_t>({288, 32000})); // n_embd × vocab_size
        const std::pair<const char*, int64_t> required[] = {
            {"llama.context_length", 4096},    {"llama.embedding_length", 288},
            {"llama.block_count", 6},          {"llama.feed_forward_length", 768},
            {"llama.attention.head_count", 6}, {"llama.attention.head_count_kv", 6},
            {"llama.rope.dimension_count", 48}}; // head size: llama.cpp rejects any other n_rot
        for (const auto& [key, value] : required)
            QVERIFY2(f->getInt(key) == value, key);
        QVERIFY(f->getFloat("llama.attention.layer_norm_rms_epsilon").value_or(0) > 0);
        QCOMPARE(f->alignment(), uint64_t(32));
        for (const auto& t : f->tensors())
            QVERIFY2(t.offset % 32 == 0, t.name.c_str());
        const auto info = runCli({"info", model});
        QVERIFY2(info.code == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains(QRegularExpression("vocabulary: +32000\n")), qPrintable(info.out));
        QVERIFY2(info.out.contains(QRegularExpression("tokenizer: +none")), qPrintable(info.out));
    }

    // --type Q4_K_M / Q5_K_M: llama.cpp's mixes, tensor by tensor (src/llama-quant.cpp): Q6_K attn_v and
    // ffn_down in layers 0, 3, 6, 9, 10, 11 of 12 and the tied output; where rows are not a multiple of 256
    // (stories15M's 288, not its FFN's 768) Q4_K falls back to Q5_0, Q5_K to Q5_1 and Q6_K to Q8_0. The file
    // runs.
    void mixesLikeLlamaCppsQuantizer() {
        using sosoik::gguf::TensorType;
        const auto typeOf = [](const sosoik::gguf::File& f, const std::string& name) {
            const auto* t = f.tensor(name);
            return t ? int(t->type) : -1;
        };
        const QString aligned = dir.filePath("stories110M-Q4_K_M.gguf");
        auto r = runCli(
            {"bench", "--synthetic", "stories110M", "--type", "Q4_K_M", "-o", aligned, "--generate-only"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        auto f = sosoik::gguf::File::open(aligned.toStdString());
        QCOMPARE(typeOf(*f, "token_embd.weight"), int(TensorType::Q6_K));
        // The weights are noise, not zeros: Q6_K's scale (5e-5) is an F16 subnormal, which once rounded to 0.
        for (const char* name : {"token_embd.weight", "blk.0.attn_v.weight", "blk.1.attn_q.weight"}) {
            const auto* t = f->tensor(name);
            std::vector<float> row(t->dims[0]);
            sosoik::gguf::dequantizeRow(t->type, t->data, row.data(), row.size());
            const auto nonzero = std::count_if(row.begin(), row.end(), [](float v) { return v != 0.f; });
            QVERIFY2(nonzero > qsizetype(row.size() / 2), name);
        }
        for (int l = 0; l < 12; ++l) {
            const std::string p = "blk." + std::to_string(l) + ".";
            const bool more = l == 0 || l == 3 || l == 6 || l == 9 || l >= 10;
            const int want = int(more ? TensorType::Q6_K : TensorType::Q4_K);
            QVERIFY2(typeOf(*f, p + "attn_v.weight") == want, p.c_str());
            QVERIFY2(typeOf(*f, p + "ffn_down.weight") == want, p.c_str());
            for (const char* other :
                 {"attn_q.weight", "attn_k.weight", "attn_output.weight", "ffn_gate.weight", "ffn_up.weight"})
                QVERIFY2(typeOf(*f, p + other) == int(TensorType::Q4_K), (p + other).c_str());
            QCOMPARE(typeOf(*f, p + "attn_norm.weight"), int(TensorType::F32));
        }

        const QString fallback = dir.filePath("stories15M-Q5_K_M.gguf");
        r = runCli(
            {"bench", "--synthetic", "stories15M", "--type", "Q5_K_M", "-o", fallback, "--generate-only"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        f = sosoik::gguf::File::open(fallback.toStdString());
        QCOMPARE(typeOf(*f, "token_embd.weight"), int(TensorType::Q8_0));
        // 6 layers: Q6_K in layers 2 and 5 (none in the first eighth)
        QCOMPARE(typeOf(*f, "blk.2.attn_v.weight"), int(TensorType::Q8_0));   // Q6_K's fallback
        QCOMPARE(typeOf(*f, "blk.5.ffn_down.weight"), int(TensorType::Q6_K)); // 768-wide rows: 256-aligned
        QCOMPARE(typeOf(*f, "blk.0.attn_v.weight"), int(TensorType::Q5_1));   // Q5_K's
        QCOMPARE(typeOf(*f, "blk.1.ffn_down.weight"), int(TensorType::Q5_K));
        QCOMPARE(typeOf(*f, "blk.2.ffn_gate.weight"), int(TensorType::Q5_1));

        const auto run =
            runCli({"bench", "-m", aligned, "--backend", "cpu", "-p", "8", "-n", "2", "-r", "1", "--json"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed().split('\n').size(), 2);
        QVERIFY(
            runCli({"bench", "--synthetic", "stories15M", "--type", "Q4_K_L", "-o", dir.filePath("x.gguf")})
                .code != 0);
    }

    void jsonLinesPerTest() {
        const auto r = runCli({"bench", "-m", model, "-p", "8", "-n", "3", "-r", "2", "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QStringList tests;
        for (const auto& line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            QVERIFY2(!o.isEmpty(), qPrintable(line));
            QCOMPARE(o["type"].toString(), QString("Q4_0"));
            QVERIFY(o["model"].toString().startsWith("stories15M"));
            QVERIFY(!o["device"].toString().isEmpty());
            QVERIFY(o["avg_ts"].toDouble() > 0);
            QVERIFY(o["stddev_ts"].toDouble() >= 0);
            QCOMPARE(o["params"].toInteger(), qint64(15191712)); // stories15M with tied output
            tests << o["test"].toString();
        }
        QCOMPARE(tests, QStringList({"pp8", "tg3"}));
    }

    // tg rows with --bandwidth report model bytes × t/s ÷ bandwidth; pp rows do not; --sample draws.
    void bandwidthFractionAndSampledGeneration() {
        const auto r = runCli({"bench", "-m", model, "-p", "4", "-n", "3", "-r", "1", "--bandwidth", "20",
                               "--sample", "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject pp = QJsonDocument::fromJson(lines[0].toUtf8()).object();
        const QJsonObject tg = QJsonDocument::fromJson(lines[1].toUtf8()).object();
        QVERIFY(!pp.contains("bandwidth_fraction"));
        const double want = tg["size"].toDouble() * tg["avg_ts"].toDouble() / 20e9;
        QVERIFY2(std::fabs(tg["bandwidth_fraction"].toDouble() - want) < 1e-4 + want * 1e-3,
                 qPrintable(lines[1]));
        const auto table =
            runCli({"bench", "-m", model, "-p", "0", "-n", "2", "-r", "1", "--bandwidth", "20"});
        QVERIFY2(table.code == 0, qPrintable(table.err));
        QVERIFY(table.out.contains("bw use"));
        QVERIFY(table.out.contains(" %"));
        QVERIFY(runCli({"bench", "-m", model, "--bandwidth", "-5"}).code != 0);
        const auto word = runCli({"bench", "-m", model, "--bandwidth", "fast"});
        QVERIFY(word.code != 0);
        QVERIFY2(word.err.contains("'measure'"), qPrintable(word.err));
    }

    // --bandwidth measure: the CPU backend's threads read a buffer beyond the caches, and the tg rows use
    // that figure; other backends are told to give a datasheet figure instead.
    void bandwidthMeasuredForTheCpuBackend() {
        const auto r = runCli({"bench", "-m", model, "--backend", "cpu", "-t", "2", "-p", "0", "-n", "2",
                               "-r", "1", "--bandwidth", "measure", "--json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const auto m = QRegularExpression(
                           R"(memory read bandwidth: ([0-9.]+) GB/s \(measured: (\d+) MiB read by 2 threads)")
                           .match(r.err);
        QVERIFY2(m.hasMatch(), qPrintable(r.err));
        const double gbs = m.captured(1).toDouble();
        QVERIFY2(gbs > 0.2 && gbs < 5000, qPrintable(r.err)); // DDR3 on one channel .. HBM
        QVERIFY(m.captured(2).toInt() >= 64);
        const QJsonObject tg = QJsonDocument::fromJson(r.out.trimmed().toUtf8()).object();
        QVERIFY2(std::fabs(tg["bandwidth_gbs"].toDouble() - gbs) < 0.06, qPrintable(r.out));
        const double want =
            tg["size"].toDouble() * tg["avg_ts"].toDouble() / (tg["bandwidth_gbs"].toDouble() * 1e9);
        QVERIFY2(std::fabs(tg["bandwidth_fraction"].toDouble() - want) < 1e-3 + want * 1e-2,
                 qPrintable(r.out));

        const auto ref = runCli({"bench", "-m", model, "--backend", "reference", "-p", "0", "-n", "1", "-r",
                                 "1", "--bandwidth", "measure"});
        QVERIFY(ref.code != 0);
        QVERIFY2(ref.err.contains("for the cpu backend") && ref.err.contains("datasheet"),
                 qPrintable(ref.err));
    }

    void tableOnTheReferenceBackend() {
        const auto r =
            runCli({"bench", "-m", model, "-p", "4", "-n", "0", "-r", "1", "--backend", "reference"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("| model"));
        QVERIFY(r.out.contains("reference"));
        QVERIFY(r.out.contains("pp4"));
        QVERIFY(r.out.contains(" ± "));
    }

    void badOptionsAreClearErrors() {
        auto r = runCli({"bench"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.startsWith("error: bench needs -m MODEL"));
        r = runCli({"bench", "--synthetic", "gpt5", "--generate-only"});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("unknown synthetic model"));
        r = runCli({"bench", "-m", model, "-p", "x"});
        QCOMPARE(r.code, 2);
        r = runCli({"bench", "-m", model, "--device", "77", "--backend", "vulkan", "-p", "1", "-n", "0"});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains("no Vulkan device 77"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliBench)
#include "tst_cli_bench.moc"
