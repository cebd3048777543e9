// The token-step tiles of the 32-value block types and IQ4_XS (kernels_x86_inlane.inc: quants widened in
// lane, offsets paid in integers, Q5's weights as 16·(q − 16)), and the other tiles beside them, at every
// SIMD level this machine has, against the exact Σ w·a of the dequantized weights and 16-bit activations they
// read: raw random blocks (every quant and scale the formats can hold, not only what the quantizer writes),
// one block and many, 4-row tiles with rows left over, and the largest quants of both signs against ±32767
// activations.
#include "backend/cpu/cpu_features.h"
#include "backend/cpu/kernels.h"
#include "support/cpu_levels.h"

#include "random_floats.h"
#include "tile_check.h"

#include <QTest>
#include <cmath>
#include <cstring>
#include <random>

using namespace sosoik;
using namespace sosoik::backend;
using cpu::Isa;
using gguf::TensorType;

namespace {

const TensorType kTypes[] = {TensorType::Q5_0, TensorType::Q5_1, TensorType::IQ4_NL, TensorType::IQ4_XS,
                             TensorType::Q4_0, TensorType::Q4_1, TensorType::Q8_0};

} // namespace

class TestCpuQTiles : public QObject {
    Q_OBJECT
private slots:
    void tilesAreExact_data() { test::addTileRows(kTypes, {1, 29}, "blocks"); }
    void tilesAreExact() {
        QFETCH(int, level);
        QFETCH(int, type);
        QFETCH(int, count);
        const int blocks = count;
        QFETCH(bool, extreme);
        if (!test::cpuLevelKernels(level)) QSKIP(test::cpuLevelMissing(level));
        const auto t = static_cast<TensorType>(type);
        const cpu::Kernels& kernels = *test::cpuLevelKernels(level);
        const cpu::TypeKernel& tk = kernels.forType(t);
        QVERIFY(tk.dot != nullptr && tk.format == cpu::ActFormat::Q16);
        const int blockValues = int(gguf::traits(t).blockElements); // 32, or IQ4_XS's 256
        const int k = blockValues * (blockValues == 32 ? blocks : (blocks + 2) / 3), nRows = 11;
        const size_t rb = gguf::rowBytes(t, k), blockBytes = gguf::traits(t).blockBytes;
        std::vector<uint8_t> w(rb * nRows);
        std::mt19937 rng(uint32_t(type * 100 + blocks));
        // Extremes: rows of all-zero bytes and all-one bytes by turns (Q5: q = 0 and 31; IQ4: −127 and 113,
        // IQ4_XS's scales −32 and 31; Q8_0: 0 and −1).
        for (size_t r = 0; r < size_t(nRows); ++r)
            for (size_t i = 0; i < rb; ++i)
                w[r * rb + i] = extreme ? (r % 2 ? 0xFF : 0) : uint8_t(rng());
        std::uniform_real_distribution<float> scale(0.25f, 1.f);
        for (size_t at = 0; at < w.size(); at += blockBytes) {
            test::putHalf(&w[at], extreme ? 1.f : scale(rng)); // d leads every one of these blocks
            if (t == TensorType::Q5_1 || t == TensorType::Q4_1)
                test::putHalf(&w[at + 2], extreme ? -0.5f : -scale(rng));
        }
        // Activation rows: random, or ±1 by turns (every 16-bit quant ±32767, the largest sums).
        const int n = 5; // four rows in the 4-token tiles, one more through the token-step tile
        std::vector<float> x = test::randomFloats(size_t(n) * k, 17);
        if (extreme)
            for (int j = 0; j < n; ++j)
                std::fill(x.begin() + size_t(j) * k, x.begin() + size_t(j + 1) * k, j % 2 ? -1.f : 1.f);
        size_t actBytes = 0;
        const std::vector<uint8_t> act = test::quantizeRows(kernels, x, n, k, actBytes);
        // Token steps with the first and the second activation row, then all five rows in one batch.
        const test::TileOutputs out = test::runTiles(tk, k, w, rb, nRows, act, actBytes, n, 2);
        std::vector<float> wd(k);
        for (int r = 0; r < nRows; ++r) {
            gguf::dequantizeRow(t, &w[rb * r], wd.data(), k);
            for (int j = 0; j < n; ++j) {
                const test::ExactSum e = test::exactSum(wd, &act[actBytes * j], k);
                const QString batch = test::tileMismatch(out.batch[size_t(j) * nRows + r], e, r, j, "batch");
                QVERIFY2(batch.isEmpty(), qPrintable(batch));
                const QString step =
                    j < 2 ? test::tileMismatch(out.step[size_t(j) * nRows + r], e, r, j, "token step")
                          : QString();
                QVERIFY2(step.isEmpty(), qPrintable(step));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCpuQTiles)
#include "tst_cpu_qtiles.moc"
