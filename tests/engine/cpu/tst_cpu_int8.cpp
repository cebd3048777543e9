// The CPU backend's 8-bit prompt-batch kernels (kernels.h: ActQ8Panel, Q8Block, Q8Tile) at every SIMD level
// this machine has: every level bit for bit the scalar kernels (the activations' panels, the decoded weight
// blocks and the tiles' outputs), the scalar tile exactly Σ w·a of what it reads (to float rounding), and the
// largest quants against the largest activations (the int16 sums of the x86 tile must not saturate).
#include "backend/cpu/cpu_features.h"
#include "backend/cpu/kernels.h"
#include "backend/cpu/matmul.h"
#include "backend/reference/ops.h"
#include "support/cpu_levels.h"

#include "random_floats.h"

#include <QTest>
#include <cmath>
#include <cstring>
#include <random>

using namespace sosoik;
using namespace sosoik::backend;
using cpu::Isa;
using gguf::TensorType;

namespace {

const TensorType kInt8Types[] = {TensorType::Q4_0, TensorType::Q4_1, TensorType::Q5_0,
                                 TensorType::Q5_1, TensorType::Q4_K, TensorType::Q5_K};

using test::randomFloats;

QString typeTag(TensorType t) {
    return QString::fromLatin1(gguf::typeName(t).data(), int(gguf::typeName(t).size()));
}

struct Batch {
    std::vector<uint8_t> weights; // nRows GGUF rows
    std::vector<float> x;         // n rows of k
};

// Weights and activations quantized and multiplied with one level's kernels.
struct Result {
    std::vector<cpu::ActQ8Panel> panels;
    std::vector<cpu::Q8Block> blocks;
    std::vector<float> out;
};
Result run(const cpu::Kernels& k, TensorType t, const Batch& b, int cols, int nRows, int n) {
    const int nb = cols / 32, panels = (n + 7) / 8;
    Result r;
    r.panels.assign(size_t(panels) * nb, cpu::ActQ8Panel{});
    for (int j = 0; j < n; ++j)
        k.quantizeQ8(cols, b.x.data() + size_t(j) * cols, r.panels.data() + size_t(j / 8) * nb, j % 8);
    r.blocks.resize(size_t(nRows) * nb);
    const size_t rb = gguf::rowBytes(t, cols);
    const cpu::TypeKernel& tk = k.forType(t);
    for (int row = 0; row < nRows; ++row)
        tk.decodeQ8(cols, b.weights.data() + rb * row, r.blocks.data() + size_t(row) * nb);
    const size_t outStride = nRows + 1;
    r.out.assign(size_t(n) * outStride, -1.f);
    k.q8Tile(nb, r.blocks.data(), nRows, r.panels.data(), n, tk.wideQ8, r.out.data(), outStride);
    return r;
}

} // namespace

class TestCpuInt8 : public QObject {
    Q_OBJECT
private slots:
    // One block, an odd number of blocks, a long row; a lone token, a partial panel, full panels and a rest;
    // one row, an odd number, a chunk; random weights, and every quant at its largest against activations at
    // ±127 (extreme).
    void everyLevelMatchesScalar_data() {
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("nRows");
        QTest::addColumn<int>("n");
        QTest::addColumn<bool>("extreme");
        for (int level = 0; level < test::kCpuTestLevels; ++level)
            for (TensorType t : kInt8Types) {
                const bool k = gguf::traits(t).blockElements == 256;
                const QString tag = QString::fromStdString(test::cpuLevelName(level)) + " " + typeTag(t);
                for (auto [cols, nRows, n, extreme] : {std::tuple{k ? 256 : 32, 1, 1, false},
                                                       {k ? 512 : 544, 3, 7, false},
                                                       {k ? 2048 : 2080, 16, 19, false},
                                                       {k ? 768 : 96, 5, 16, false},
                                                       {k ? 512 : 544, 4, 9, true}})
                    QTest::newRow(qPrintable(QString("%1 k=%2 rows=%3 n=%4%5")
                                                 .arg(tag)
                                                 .arg(cols)
                                                 .arg(nRows)
                                                 .arg(n)
                                                 .arg(extreme ? " extreme" : "")))
                        << level << int(t) << cols << nRows << n << extreme;
            }
    }
    void everyLevelMatchesScalar() {
        QFETCH(int, level);
        QFETCH(int, type);
        QFETCH(int, cols);
        QFETCH(int, nRows);
        QFETCH(int, n);
        QFETCH(bool, extreme);
        if (!test::cpuLevelKernels(level)) QSKIP(test::cpuLevelMissing(level));
        const auto t = static_cast<TensorType>(type);
        const cpu::Kernels& k = *test::cpuLevelKernels(level);
        const cpu::Kernels& scalar = cpu::kernelsFor(Isa::Scalar);
        QVERIFY(k.forType(t).decodeQ8 && k.q8Tile && k.quantizeQ8);
        QCOMPARE(k.forType(t).wideQ8, scalar.forType(t).wideQ8);
        const size_t rb = gguf::rowBytes(t, cols);
        Batch b;
        b.weights.resize(rb * nRows);
        b.x = randomFloats(size_t(n) * cols, 7 + cols, 2.f);
        if (extreme) {
            // Every quant bit set (u = 15 or 31; the K-quants' 6-bit scales and minimums at 63) and F16
            // scales and minimums of 1.0 (0x3C00); activations all +1 or all −1 per token: q = ±127
            // everywhere.
            std::memset(b.weights.data(), 0xFF, b.weights.size());
            const size_t blockBytes = gguf::traits(t).blockBytes;
            for (size_t at = 0; at < b.weights.size(); at += blockBytes) {
                const uint16_t one = 0x3C00;
                std::memcpy(&b.weights[at], &one, 2);
                if (t != TensorType::Q4_0 && t != TensorType::Q5_0)
                    std::memcpy(&b.weights[at + 2], &one, 2); // m
            }
            for (int j = 0; j < n; ++j)
                for (int i = 0; i < cols; ++i)
                    b.x[size_t(j) * cols + i] = j % 2 ? -1.f : 1.f;
        } else {
            const auto w = randomFloats(size_t(nRows) * cols, 3 + type);
            for (int r = 0; r < nRows; ++r)
                gguf::quantizeRow(t, &w[size_t(r) * cols], &b.weights[rb * r], cols);
        }
        const Result got = run(k, t, b, cols, nRows, n), want = run(scalar, t, b, cols, nRows, n);
        QCOMPARE(
            std::memcmp(got.panels.data(), want.panels.data(), got.panels.size() * sizeof(cpu::ActQ8Panel)),
            0);
        QCOMPARE(std::memcmp(got.blocks.data(), want.blocks.data(), got.blocks.size() * sizeof(cpu::Q8Block)),
                 0);
        QCOMPARE(got.out, want.out); // bit for bit, the padding column (−1) untouched included
        for (int j = 0; j < n; ++j)
            QCOMPARE(got.out[size_t(j) * (nRows + 1) + nRows], -1.f);

        // The scalar tile is Σ w·a of the dequantized weights and the panels' activations (d·q).
        std::vector<float> wd(static_cast<size_t>(cols));
        const int nb = cols / 32;
        for (int r = 0; r < nRows; ++r) {
            gguf::dequantizeRow(t, b.weights.data() + rb * r, wd.data(), cols);
            for (int j = 0; j < n; ++j) {
                double exact = 0, magnitude = 0;
                for (int i = 0; i < cols; ++i) {
                    const cpu::ActQ8Panel& p = want.panels[size_t(j / 8) * nb + i / 32];
                    const int v = i % 32;
                    const double a = double(p.d[j % 8]) * p.qs[32 * (v / 4) + 4 * (j % 8) + v % 4];
                    exact += wd[size_t(i)] * a;
                    magnitude += std::fabs(wd[size_t(i)] * a);
                }
                const float value = want.out[size_t(j) * (nRows + 1) + r];
                QVERIFY2(
                    std::fabs(value - exact) <= 2e-6 * magnitude + 1e-6,
                    qPrintable(QString("row %1 token %2: %3, exact %4").arg(r).arg(j).arg(value).arg(exact)));
            }
        }
        // The activations are within half a step of the floats, and the padding lanes are zero.
        for (int j = 0; j < n; ++j)
            for (int blk = 0; blk < nb; ++blk) {
                const cpu::ActQ8Panel& p = want.panels[size_t(j / 8) * nb + blk];
                float amax = 0;
                for (int v = 0; v < 32; ++v)
                    amax = std::max(amax, std::fabs(b.x[size_t(j) * cols + 32 * blk + v]));
                QCOMPARE(p.d[j % 8], amax / 127.f);
                int sum = 0;
                for (int v = 0; v < 32; ++v) {
                    const int q = p.qs[32 * (v / 4) + 4 * (j % 8) + v % 4];
                    sum += q;
                    QVERIFY(std::fabs(p.d[j % 8] * q - b.x[size_t(j) * cols + 32 * blk + v]) <=
                            p.d[j % 8] * 0.5f * 1.001f + 1e-12f);
                }
                QCOMPARE(p.dSum[j % 8], p.d[j % 8] * float(sum));
            }
        if (n % 8)
            for (int lane = n % 8; lane < 8; ++lane)
                QCOMPARE(want.panels.back().d[lane], 0.f);
    }

    // A stack mixing types with and without 8-bit kernels (a Q4_K_M file's q|k|v with a Q6_K v): every
    // tensor's rows exactly as that tensor alone gives them, each within its own path's tolerance of the
    // reference.
    void mixedStacks_data() {
        QTest::addColumn<int>("level");
        for (int level = 0; level < test::kCpuTestLevels; ++level)
            QTest::newRow(test::cpuLevelName(level).c_str()) << level;
    }
    void mixedStacks() {
        QFETCH(int, level);
        if (!test::cpuLevelKernels(level)) QSKIP(test::cpuLevelMissing(level));
        const int cols = 512, n = 19;
        const TensorType types[] = {TensorType::Q4_K, TensorType::Q4_K, TensorType::Q6_K, TensorType::Q8_0,
                                    TensorType::Q4_0};
        const int rows[] = {37, 5, 21, 16, 9};
        std::vector<std::vector<uint8_t>> data;
        std::vector<cpu::WeightMatrix> stacked;
        for (int i = 0; i < 5; ++i) {
            const size_t rb = gguf::rowBytes(types[i], cols);
            const auto w = randomFloats(size_t(rows[i]) * cols, uint32_t(40 + i));
            auto& q = data.emplace_back(rb * rows[i]);
            for (int r = 0; r < rows[i]; ++r)
                gguf::quantizeRow(types[i], &w[size_t(r) * cols], &q[rb * r], cols);
            stacked.push_back({types[i], q.data(), rows[i], cols, rb});
        }
        const auto x = randomFloats(size_t(n) * cols, 9);
        const size_t yStride = 37 + 5 + 21 + 16 + 9;
        std::vector<float> got(size_t(n) * yStride), alone(size_t(n) * yStride);
        qputenv("SOSOIK_CPU_PROMPT", "int8");
        cpu::ThreadPool pool(2);
        const cpu::Kernels& kernels = *test::cpuLevelKernels(level);
        cpu::MatMul matmul(kernels, pool);
        matmul.run(stacked, x.data(), n, cols, got.data(), yStride);
        int at = 0;
        std::vector<float> xr(cols), yr(37);
        for (int i = 0; i < 5; ++i) {
            matmul.run({&stacked[size_t(i)], 1}, x.data(), n, cols, alone.data() + at, yStride);
            const bool int8 = kernels.forType(types[i]).decodeQ8 != nullptr;
            double err = 0, scale = 1e-9;
            for (int j = 0; j < n; ++j) {
                std::copy(x.begin() + j * cols, x.begin() + (j + 1) * cols, xr.begin());
                reference::matvec({types[i], stacked[size_t(i)].data, rows[i], cols}, xr.data(), yr.data());
                for (int r = 0; r < rows[i]; ++r) {
                    scale = std::max(scale, double(std::fabs(yr[size_t(r)])));
                    err = std::max(err, double(std::fabs(got[j * yStride + at + r] - yr[size_t(r)])));
                }
            }
            qInfo("%s: normalized error %.2e", gguf::typeName(types[i]).data(), err / scale);
            QVERIFY2(err / scale < (int8 ? 2e-2 : 1e-4), qPrintable(QString::number(err / scale)));
            at += rows[i];
        }
        qunsetenv("SOSOIK_CPU_PROMPT");
        QCOMPARE(got, alone);
    }

    // Batches of kMinInt8Tokens tokens or more take the 8-bit kernels (bit for bit the tile's output),
    // shorter ones the token-step tiles (16-bit activations: a different result).
    void int8FromMinTokens() {
        const cpu::Kernels& k = cpu::kernelsFor(cpu::chosenIsa());
        const int cols = 544, nRows = 13;
        Batch b;
        const size_t rb = gguf::rowBytes(TensorType::Q4_0, cols);
        b.weights.resize(rb * nRows);
        const auto w = randomFloats(size_t(nRows) * cols, 5);
        for (int r = 0; r < nRows; ++r)
            gguf::quantizeRow(TensorType::Q4_0, &w[size_t(r) * cols], &b.weights[rb * r], cols);
        b.x = randomFloats(size_t(cpu::kMinInt8Tokens) * cols, 6);
        qputenv("SOSOIK_CPU_PROMPT", "int8");
        cpu::ThreadPool pool(2);
        cpu::MatMul matmul(k, pool);
        qunsetenv("SOSOIK_CPU_PROMPT");
        const cpu::WeightMatrix m{TensorType::Q4_0, b.weights.data(), nRows, cols, rb};
        for (int n : {cpu::kMinInt8Tokens - 1, cpu::kMinInt8Tokens}) {
            const Result tile = run(k, TensorType::Q4_0, b, cols, nRows, n);
            std::vector<float> got(tile.out.size(), -1.f);
            matmul.run({&m, 1}, b.x.data(), n, cols, got.data(), nRows + 1);
            if (n >= cpu::kMinInt8Tokens)
                QCOMPARE(got, tile.out);
            else
                QVERIFY(got != tile.out);
        }
    }

    // SOSOIK_CPU_PROMPT chooses: int8 on, int/float off; unset, the CPU's default.
    void promptSwitch() {
        qputenv("SOSOIK_CPU_PROMPT", "int8");
        QVERIFY(cpu::chosenPromptInt8());
        qputenv("SOSOIK_CPU_PROMPT", "int");
        QVERIFY(!cpu::chosenPromptInt8());
        for (int n : {8, cpu::kFloatPromptTokens, 512}) // the variable chooses for every batch size
            QCOMPARE(cpu::chosenPromptMath(n), cpu::PromptMath::Int);
        qputenv("SOSOIK_CPU_PROMPT", "float");
        QVERIFY(!cpu::chosenPromptInt8());
        for (int n : {8, cpu::kFloatPromptTokens, 512})
            QCOMPARE(cpu::chosenPromptMath(n), cpu::PromptMath::Float);
        qunsetenv("SOSOIK_CPU_PROMPT");
        // Unset: Float only for long batches, and only where the CPU's default is Float at all.
        QCOMPARE(cpu::chosenPromptMath(cpu::kFloatPromptTokens - 1), cpu::PromptMath::Int);
        qInfo("default prompt math for 512 tokens: %s",
              cpu::chosenPromptMath(512) == cpu::PromptMath::Float ? "float" : "int");
        qInfo("default: 8-bit prompt batches %s", cpu::chosenPromptInt8() ? "on" : "off");
    }
};

QTEST_GUILESS_MAIN(TestCpuInt8)
#include "tst_cpu_int8.moc"
