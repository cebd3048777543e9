// The CPU backend's kernels at every SIMD level this machine has (scalar always; AVX2 and AVX-512
// where the CPU has them, so an AVX-512 machine tests all three; and the AVX-512 kernels emulated on
// AVX2, support/cpu_levels.h, so the AVX-512 code runs on machines without it too): every weight type's
// matrix product against the reference backend, the quantized dot products against the exact product of what
// they read, the F16 helpers, attention (token steps and batches) against the reference attention, the thread
// pool.
#include "backend/cpu/attention.h"
#include "backend/cpu/cpu_features.h"
#include "backend/cpu/kernels.h"
#include "backend/cpu/matmul.h"
#include "backend/cpu/thread_pool.h"
#include "backend/reference/ops.h"
#include "sosoik/error.h"
#include "support/cpu_levels.h"

#include "random_floats.h"

#include <QTest>
#include <atomic>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>

using namespace sosoik;
using namespace sosoik::backend;
using cpu::Isa;
using gguf::TensorType;

namespace {

const TensorType kAllTypes[] = {TensorType::F32,  TensorType::F16,    TensorType::BF16,  TensorType::Q4_0,
                                TensorType::Q4_1, TensorType::Q5_0,   TensorType::Q5_1,  TensorType::Q8_0,
                                TensorType::Q2_K, TensorType::Q3_K,   TensorType::Q4_K,  TensorType::Q5_K,
                                TensorType::Q6_K, TensorType::IQ4_NL, TensorType::IQ4_XS};

using test::randomFloats;

// max |got − want| / max |want|
double normalizedError(const std::vector<float>& got, const std::vector<float>& want) {
    double scale = 1e-9, err = 0;
    for (size_t i = 0; i < want.size(); ++i) {
        scale = std::max(scale, double(std::fabs(want[i])));
        err = std::max(err, double(std::fabs(got[i] - want[i])));
    }
    return err / scale;
}

QString levelTag(int level) {
    return QString::fromStdString(test::cpuLevelName(level));
}

} // namespace

class TestCpuKernels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        qInfo("this CPU: %s, %d physical cores", cpu::isaName(cpu::detectIsa()), cpu::physicalCores());
        QVERIFY(cpu::physicalCores() >= 1);
    }

    // Every supported type at every level: stacked products (q|k|v-like) of 1, 5 and 19 activation rows
    // (5: the four-row kernels and the rest; 19: prompt batches through the pair-group and float tiles,
    // 16-row chunks that span both tensors, tokens and rows left over) against reference::matmul, within 1e-4
    // of the float product with 16-bit activations, float rounding with float ones.
    void matmulMatchesReferenceForEveryType_data() {
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("n");
        for (int level = 0; level < test::kCpuTestLevels; ++level)
            for (TensorType t : kAllTypes)
                for (int n : {1, 5, 19})
                    QTest::newRow(qPrintable(
                        QString("%1 %2 n=%3")
                            .arg(levelTag(level),
                                 QString::fromLatin1(gguf::typeName(t).data(), int(gguf::typeName(t).size())))
                            .arg(n)))
                        << level << int(t) << n;
    }
    void matmulMatchesReferenceForEveryType() {
        QFETCH(int, level);
        QFETCH(int, type);
        QFETCH(int, n);
        if (!test::cpuLevelKernels(level)) QSKIP(test::cpuLevelMissing(level));
        const cpu::Kernels& kernels = *test::cpuLevelKernels(level);
        const auto t = static_cast<TensorType>(type);
        // n = 19: an odd number of 32-value blocks (17) for the pair groups, a row length that is not a
        // multiple of 8 (516) for the float tiles
        const uint32_t block = gguf::traits(t).blockElements;
        const int cols = n != 19 ? 512 : block == 32 ? 544 : block == 1 ? 516 : 512;
        const int rowsA = 37, rowsB = 21;
        const size_t rb = gguf::rowBytes(t, cols);
        std::vector<std::vector<uint8_t>> data;
        std::vector<cpu::WeightMatrix> stacked;
        for (int rows : {rowsA, rowsB}) {
            const auto w = randomFloats(size_t(rows) * cols, uint32_t(rows + type));
            auto& q = data.emplace_back(rb * rows);
            for (int r = 0; r < rows; ++r)
                gguf::quantizeRow(t, &w[size_t(r) * cols], &q[rb * r], cols);
            stacked.push_back({t, q.data(), rows, cols, rb});
        }
        const size_t xStride = cols + 3; // rows of a wider buffer, as the plan's buffers are
        const auto x = randomFloats(size_t(n) * xStride, 7);
        const size_t yStride = rowsA + rowsB + 2;
        std::vector<float> got(size_t(n) * yStride, 0.f), want(got.size(), 0.f);
        cpu::ThreadPool pool(3);
        // Prompt batches of quantized weights both ways (cpu_features.h, PromptMath): the int16 pair groups
        // and the rows decoded to F32.
        std::vector<float> viaFloats(got.size(), 0.f);
        qputenv("SOSOIK_CPU_PROMPT", "float");
        cpu::MatMul(kernels, pool).run(stacked, x.data(), n, xStride, viaFloats.data(), yStride);
        qputenv("SOSOIK_CPU_PROMPT", "int");
        cpu::MatMul(kernels, pool).run(stacked, x.data(), n, xStride, got.data(), yStride);
        // And with 8-bit activations where the type has 8-bit kernels (tst_cpu_int8 tests them in detail).
        std::vector<float> via8(got.size(), 0.f);
        qputenv("SOSOIK_CPU_PROMPT", "int8");
        cpu::MatMul(kernels, pool).run(stacked, x.data(), n, xStride, via8.data(), yStride);
        qunsetenv("SOSOIK_CPU_PROMPT");
        // A pool of one thread (a one-core machine, -t 1) runs every row in one call: same products.
        cpu::ThreadPool single(1);
        std::vector<float> alone(got.size(), 0.f);
        cpu::MatMul(kernels, single).run(stacked, x.data(), n, xStride, alone.data(), yStride);
        // The reference, one tensor and one activation row at a time.
        std::vector<float> xr(cols), yr(std::max(rowsA, rowsB));
        for (int j = 0; j < n; ++j) {
            std::copy(x.begin() + j * xStride, x.begin() + j * xStride + cols, xr.begin());
            int at = 0;
            for (const auto& m : stacked) {
                reference::matvec({m.type, m.data, m.rows, m.cols}, xr.data(), yr.data());
                std::copy(yr.begin(), yr.begin() + m.rows, want.begin() + j * yStride + at);
                at += m.rows;
            }
        }
        const bool quantizedActivations = kernels.forType(t).format != cpu::ActFormat::F32;
        const double err = normalizedError(got, want);
        qInfo("normalized error %.2e (%s activations)", err, quantizedActivations ? "16-bit" : "float");
        QVERIFY2(err < (quantizedActivations ? 1e-4 : 1e-5), qPrintable(QString::number(err)));
        const double errFloats = normalizedError(viaFloats, want);
        const bool floatBatch = n >= 8 && kernels.floatTile != nullptr;
        qInfo("  float prompt math: %.2e", errFloats);
        QVERIFY2(errFloats < (quantizedActivations && !floatBatch ? 1e-4 : 1e-5),
                 qPrintable(QString::number(errFloats)));
        const bool int8Batch = n >= cpu::kMinInt8Tokens && kernels.forType(t).decodeQ8 != nullptr;
        const double err8 = normalizedError(via8, want);
        qInfo("  8-bit prompt math: %.2e", err8);
        QVERIFY2(err8 < (int8Batch              ? 2e-2
                         : quantizedActivations ? 1e-4
                                                : 1e-5),
                 qPrintable(QString::number(err8)));
        for (int j = 0; j < n; ++j) { // the two padding columns stay untouched
            QCOMPARE(got[j * yStride + rowsA + rowsB], 0.f);
            QCOMPARE(viaFloats[j * yStride + rowsA + rowsB], 0.f);
            QCOMPARE(via8[j * yStride + rowsA + rowsB], 0.f);
        }
        // Prompt batches tile the same 16-row chunks either way (bit for bit); token steps may group rows
        // into other tiles (float rounding).
        const auto& sameMath = int8Batch && cpu::chosenPromptInt8()                 ? via8
                               : cpu::chosenPromptMath(n) == cpu::PromptMath::Float ? viaFloats
                                                                                    : got;
        if (n >= 8 || (int8Batch && cpu::chosenPromptInt8()))
            QCOMPARE(alone, sameMath);
        else
            QVERIFY(normalizedError(alone, want) < (quantizedActivations ? 1e-4 : 1e-5));
    }

    // The integer kernels compute exactly Σ w·a of the dequantized weights and activations they read
    // (16-bit activations dequantized as d·q), to float rounding: no quant is misplaced or mis-scaled.
    void quantizedDotsAreExact_data() {
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("type");
        for (int level = 0; level < test::kCpuTestLevels; ++level)
            for (TensorType t : kAllTypes)
                QTest::newRow(qPrintable(levelTag(level) + " " +
                                         QString::fromStdString(std::string(gguf::typeName(t)))))
                    << level << int(t);
    }
    void quantizedDotsAreExact() {
        QFETCH(int, level);
        QFETCH(int, type);
        if (!test::cpuLevelKernels(level)) QSKIP(test::cpuLevelMissing(level));
        const auto t = static_cast<TensorType>(type);
        const cpu::Kernels& k = *test::cpuLevelKernels(level);
        const cpu::TypeKernel& tk = k.forType(t);
        if (!tk.dot || tk.format == cpu::ActFormat::F32)
            QSKIP("float activations: covered by the matmul test");
        const int cols = 1024;
        const auto w = randomFloats(cols, 11 + type, 0.5f), x = randomFloats(cols, 13, 2.f);
        std::vector<uint8_t> q(gguf::rowBytes(t, cols));
        gguf::quantizeRow(t, w.data(), q.data(), cols);
        std::vector<float> wd(cols), xd(cols);
        gguf::dequantizeRow(t, q.data(), wd.data(), cols);
        std::vector<uint8_t> act(cpu::activationRowBytes(tk.format, cols));
        auto* blocks = reinterpret_cast<cpu::ActQ16*>(act.data());
        k.quantizeQ16(cols, x.data(), blocks);
        for (int i = 0; i < cols; ++i)
            xd[i] = blocks[i / 32].d * blocks[i / 32].qs[i % 32];
        for (int i = 0; i < cols / 32; ++i) {
            int s = 0;
            for (int j = 0; j < 32; ++j) {
                s += blocks[i].qs[j];
                if (j == 15) QCOMPARE(blocks[i].sumLow, s); // Q2_K's first 16-value minimum
            }
            QCOMPARE(blocks[i].sum, s);
        }
        double exact = 0, magnitude = 0;
        for (int i = 0; i < cols; ++i) {
            exact += double(wd[i]) * xd[i];
            magnitude += std::fabs(double(wd[i]) * xd[i]);
        }
        float got = 0;
        tk.dot(cols, q.data(), act.data(), 0, 1, &got);
        QVERIFY2(std::fabs(got - exact) <= 1e-5 * magnitude,
                 qPrintable(QString("got %1, exact %2").arg(got).arg(exact)));
        // The 16-bit activations are within half a step of the floats.
        double worst = 0;
        for (int i = 0; i < cols; ++i)
            worst = std::max(worst, std::fabs(double(xd[i]) - x[i]));
        float amax = 0;
        for (float v : x)
            amax = std::max(amax, std::fabs(v));
        QVERIFY(worst <= amax / 32767.0 * 0.5 * 1.001 + 1e-9);
    }

    void floatHelpersMatchScalar_data() {
        QTest::addColumn<int>("level");
        for (int level = 0; level < test::kCpuTestLevels; ++level)
            QTest::newRow(qPrintable(levelTag(level))) << level;
    }
    void floatHelpersMatchScalar() {
        QFETCH(int, level);
        if (!test::cpuLevelKernels(level)) QSKIP(test::cpuLevelMissing(level));
        const cpu::Kernels& k = *test::cpuLevelKernels(level);
        QCOMPARE(k.isa, level == test::kEmulatedAvx512Level ? Isa::Avx512 : Isa(level));
        for (int n : {1, 7, 8, 31, 64, 77, 256}) {
            const auto a = randomFloats(n, n), b = randomFloats(n, n + 1);
            std::vector<uint16_t> h(n), hScalar(n);
            k.toF16(n, a.data(), h.data());
            for (int i = 0; i < n; ++i)
                QCOMPARE(h[i], gguf::fp32ToFp16(a[i])); // round to nearest even, as the scalar one
            std::vector<float> back(n);
            k.fromF16(n, h.data(), back.data());
            double dotH = 0, dotF = 0, mag = 0;
            for (int i = 0; i < n; ++i) {
                QCOMPARE(back[i], gguf::fp16ToFp32(h[i]));
                dotH += double(back[i]) * b[i];
                dotF += double(a[i]) * b[i];
                mag += std::fabs(double(a[i]) * b[i]);
            }
            QVERIFY(std::fabs(k.dotF16(n, h.data(), b.data()) - dotH) <= 1e-5 * mag + 1e-6);
            QVERIFY(std::fabs(k.dotF32(n, a.data(), b.data()) - dotF) <= 1e-5 * mag + 1e-6);
            std::vector<float> y = b;
            k.axpyF16(n, 0.5f, h.data(), y.data());
            for (int i = 0; i < n; ++i)
                QVERIFY(std::fabs(y[i] - (b[i] + 0.5f * back[i])) <= 1e-6f * (1 + std::fabs(y[i])));
            k.scale(n, -2.f, y.data());
            QVERIFY(std::fabs(y[n - 1] + 2.f * (b[n - 1] + 0.5f * back[n - 1])) <= 1e-5f);
        }
        // SwiGLU and RMSNorm against the scalar (reference) math: 1e-6 relative, gates far in both tails.
        for (int n : {7, 64, 577}) {
            auto gate = randomFloats(n, n + 9, 4.f);
            const auto up = randomFloats(n, n + 10), w = randomFloats(n, n + 11);
            gate[0] = -120.f, gate[n - 1] = 95.f;
            std::vector<float> got(n), want(n);
            k.swiglu(n, gate.data(), up.data(), got.data());
            cpu::kernelsFor(Isa::Scalar).swiglu(n, gate.data(), up.data(), want.data());
            for (int i = 0; i < n; ++i)
                QVERIFY2(std::fabs(got[i] - want[i]) <= 1e-6f * std::fabs(want[i]) + 1e-30f,
                         qPrintable(QString("silu(%1): %2 vs %3").arg(gate[i]).arg(got[i]).arg(want[i])));
            for (const float* weight : {w.data(), static_cast<const float*>(nullptr)}) {
                k.rmsnorm(n, gate.data(), weight, 1e-5f, got.data());
                cpu::kernelsFor(Isa::Scalar).rmsnorm(n, gate.data(), weight, 1e-5f, want.data());
                for (int i = 0; i < n; ++i)
                    QVERIFY(std::fabs(got[i] - want[i]) <= 1e-6f * std::fabs(want[i]) + 1e-30f);
            }
        }
        // The activations' 16-bit blocks: bit for bit the scalar ones (zeros, ties, wide ranges included).
        const cpu::Kernels& scalar = cpu::kernelsFor(Isa::Scalar);
        for (int n : {32, 96, 576}) {
            auto x = randomFloats(n, n + 5, 3.f);
            for (int i = 0; i < 32; ++i)
                x[i] = 0;                                          // an all-zero block: d = 0
            if (n > 64) x[40] = 1e6f, x[41] = 0.5f, x[42] = -2.5f; // a huge value beside small ones
            std::vector<cpu::ActQ16> got(n / 32), want(n / 32);
            k.quantizeQ16(n, x.data(), got.data());
            scalar.quantizeQ16(n, x.data(), want.data());
            for (int b = 0; b < n / 32; ++b) {
                QCOMPARE(got[b].d, want[b].d);
                QCOMPARE(got[b].sum, want[b].sum);
                QCOMPARE(got[b].sumLow, want[b].sumLow);
                for (int j = 0; j < 32; ++j)
                    QCOMPARE(got[b].qs[j], want[b].qs[j]);
            }
        }
    }

    // Online-softmax attention over F16 k/v against reference::attentionCausal on the same values
    // (rounded to F16 first): GQA, windows shorter than the keys, soft-caps, batches mid-context.
    void attentionMatchesReference_data() {
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("nHead");
        QTest::addColumn<int>("nHeadKv");
        QTest::addColumn<int>("headDim");
        QTest::addColumn<int>("window");
        QTest::addColumn<float>("softCap");
        QTest::addColumn<int>("startPos");
        QTest::addColumn<int>("n");
        for (int level = 0; level < test::kCpuTestLevels; ++level) {
            const QString tag = levelTag(level);
            QTest::newRow(qPrintable(tag + " token step, 150 keys"))
                << level << 4 << 2 << 64 << 0 << 0.f << 149 << 1;
            // Token steps through the block kernels: rows of 4 keys and a remainder, 64-value slices and
            // a shorter one, values past the last 8 (hd 100), a window, soft-capping, few keys.
            QTest::newRow(qPrintable(tag + " token step, hd 100, window 70, soft-cap"))
                << level << 4 << 2 << 100 << 70 << 3.f << 200 << 1;
            QTest::newRow(qPrintable(tag + " token step, hd 48, 7 keys"))
                << level << 6 << 6 << 48 << 0 << 0.f << 6 << 1;
            QTest::newRow(qPrintable(tag + " token step, hd 256, gqa 2"))
                << level << 2 << 1 << 256 << 0 << 0.f << 67 << 1;
            // Grouped heads over several blocks: groups of 3 (SmolLM2) and of 20 heads on one KV head.
            QTest::newRow(qPrintable(tag + " token step, gqa 3, 300 keys"))
                << level << 9 << 3 << 64 << 0 << 0.f << 299 << 1;
            QTest::newRow(qPrintable(tag + " token step, gqa 20, 129 keys"))
                << level << 20 << 1 << 32 << 0 << 0.f << 128 << 1;
            QTest::newRow(qPrintable(tag + " batch, gqa 4, hd 72"))
                << level << 8 << 2 << 72 << 0 << 0.f << 10 << 70;
            QTest::newRow(qPrintable(tag + " window 5, soft-cap"))
                << level << 2 << 1 << 128 << 5 << 3.f << 40 << 9;
            QTest::newRow(qPrintable(tag + " hd 256, window 100"))
                << level << 2 << 2 << 256 << 100 << 0.f << 90 << 40;
        }
    }
    void attentionMatchesReference() {
        QFETCH(int, level);
        QFETCH(int, nHead);
        QFETCH(int, nHeadKv);
        QFETCH(int, headDim);
        QFETCH(int, window);
        QFETCH(float, softCap);
        QFETCH(int, startPos);
        QFETCH(int, n);
        if (!test::cpuLevelKernels(level)) QSKIP(test::cpuLevelMissing(level));
        const cpu::Kernels& k = *test::cpuLevelKernels(level);
        const int keys = startPos + n, kvDim = nHeadKv * headDim, qDim = nHead * headDim;
        auto kf = randomFloats(size_t(keys) * kvDim, 1), vf = randomFloats(size_t(keys) * kvDim, 2);
        std::vector<uint16_t> kh(kf.size()), vh(vf.size());
        k.toF16(int(kf.size()), kf.data(), kh.data());
        k.toF16(int(vf.size()), vf.data(), vh.data());
        k.fromF16(int(kf.size()), kh.data(), kf.data());
        k.fromF16(int(vf.size()), vh.data(), vf.data());
        const size_t qStride = qDim + 2 * kvDim; // q rows inside Qkv rows
        const auto q = randomFloats(size_t(n) * qStride, 3, 0.3f);
        const float scale = 1.f / std::sqrt(float(headDim));
        std::vector<float> got(size_t(n) * qDim), want(got.size());
        cpu::ThreadPool pool(2);
        cpu::attention(k, pool, {nHead, nHeadKv, headDim, scale, softCap, window}, q.data(), qStride, n,
                       startPos, kh.data(), vh.data(), got.data());
        reference::attentionCausal(q.data(), n, startPos, kf.data(), vf.data(), nHead, nHeadKv, headDim,
                                   want.data(), 1, {scale, softCap, window}, int(qStride));
        const double err = normalizedError(got, want);
        QVERIFY2(err < 1e-5, qPrintable(QString::number(err)));
    }

    // Every item exactly once, back to back as the ops of one token, with per-thread indices in range;
    // a pool of one runs on the caller.
    void threadPoolCoversEveryItemOnce() {
        cpu::ThreadPool pool(4);
        QCOMPARE(pool.size(), 4);
        for (int round = 0; round < 300; ++round) {
            const int n = 1 + round % 97;
            std::vector<std::atomic<int>> hits(n);
            std::atomic<bool> badThread{false};
            pool.parallelFor(n, 1 + round % 5, [&](int b, int e, int ith) {
                if (ith < 0 || ith >= 4 || b >= e) badThread = true;
                for (int i = b; i < e; ++i)
                    hits[i].fetch_add(1);
            });
            QVERIFY(!badThread);
            for (int i = 0; i < n; ++i)
                QCOMPARE(hits[i].load(), 1);
        }
        cpu::ThreadPool single(1);
        int ran = 0;
        single.parallelFor(10, 3, [&](int b, int e, int ith) { ran += (ith == 0) * (e - b); });
        QCOMPARE(ran, 10);
    }

    // A thread that stalls inside its first chunk (as a preempted one would) holds up only that chunk:
    // the caller takes the rest of the stalled thread's share, chunk by chunk.
    void threadPoolTakesOverAStalledShare() {
        cpu::ThreadPool pool(2);
        const int n = 40;
        for (int round = 0; round < 20; ++round) {
            std::atomic<int> byCaller{0}, byWorker{0};
            std::atomic<bool> workerStalled{false};
            pool.parallelFor(n, 1, [&](int b, int e, int ith) {
                if (ith == 0) {
                    byCaller += e - b;
                    return;
                }
                byWorker += e - b;
                if (workerStalled.exchange(true)) return;
                // Stall until the caller has done everything else (2 s at most, so a failure cannot hang).
                for (int i = 0; i < 2000 && byCaller.load() < n - (e - b); ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
            });
            QCOMPARE(byCaller.load() + byWorker.load(), n);
            // The worker stalled in its one chunk and the caller did the other 39 items (a fixed split
            // would leave it 20), or the worker joined too late to find any.
            QCOMPARE(byCaller.load(), workerStalled.load() ? n - 1 : n);
        }
    }

    void isaSwitchOnlyLowers() {
        const Isa best = cpu::detectIsa();
        qputenv("SOSOIK_CPU_ISA", "scalar");
        QCOMPARE(cpu::chosenIsa(), Isa::Scalar);
        qputenv("SOSOIK_CPU_ISA", "avx512");
        QCOMPARE(cpu::chosenIsa(), best); // never above what the CPU has
        qputenv("SOSOIK_CPU_ISA", "nonsense");
        QCOMPARE(cpu::chosenIsa(), best);
        qunsetenv("SOSOIK_CPU_ISA");
        QCOMPARE(cpu::chosenIsa(), best);
        if (best != Isa::Avx512) QVERIFY_THROWS_EXCEPTION(Error, cpu::kernelsFor(Isa::Avx512));
    }
};

QTEST_GUILESS_MAIN(TestCpuKernels)
#include "tst_cpu_kernels.moc"
