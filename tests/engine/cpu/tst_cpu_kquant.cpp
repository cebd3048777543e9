// The K-quants' matrix-product tiles (kernels_x86_kquant.inc's token-step tile, the generic tiles beside it)
// at every SIMD level this machine has, against the exact Σ w·a of the dequantized weights and 16-bit
// activations they read: raw random blocks (every quant, scale and minimum value the formats can hold, not
// only what the quantizer writes), one super-block and many, 4-row tiles with rows left over, and the
// largest products the formats allow against the largest activations (the integer sums must not overflow).
#include "backend/cpu/cpu_features.h"
#include "backend/cpu/kernels.h"
#include "support/cpu_levels.h"

#include "random_floats.h"
#include "tile_check.h"

#include <QTest>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <random>

using namespace sosoik;
using namespace sosoik::backend;
using cpu::Isa;
using gguf::TensorType;

namespace {

const TensorType kKTypes[] = {TensorType::Q2_K, TensorType::Q3_K, TensorType::Q4_K, TensorType::Q5_K,
                              TensorType::Q6_K};

// Where a block's F16 scales are: {d, dmin} (dmin −1 where the type has none).
std::pair<size_t, int> halfOffsets(TensorType t) {
    switch (t) {
    case TensorType::Q2_K:
        return {offsetof(gguf::BlockQ2_K, d), int(offsetof(gguf::BlockQ2_K, dmin))};
    case TensorType::Q3_K:
        return {offsetof(gguf::BlockQ3_K, d), -1};
    case TensorType::Q4_K:
        return {offsetof(gguf::BlockQ4_K, d), int(offsetof(gguf::BlockQ4_K, dmin))};
    case TensorType::Q5_K:
        return {offsetof(gguf::BlockQ5_K, d), int(offsetof(gguf::BlockQ5_K, dmin))};
    default:
        return {offsetof(gguf::BlockQ6_K, d), -1};
    }
}

} // namespace

class TestCpuKQuant : public QObject {
    Q_OBJECT
private slots:
    void tilesAreExact_data() { test::addTileRows(kKTypes, {1, 11}, "super-blocks"); }
    void tilesAreExact() {
        QFETCH(int, level);
        QFETCH(int, type);
        QFETCH(int, count);
        const int superBlocks = count;
        QFETCH(bool, extreme);
        if (!test::cpuLevelKernels(level)) QSKIP(test::cpuLevelMissing(level));
        const auto t = static_cast<TensorType>(type);
        const cpu::Kernels& kernels = *test::cpuLevelKernels(level);
        const cpu::TypeKernel& tk = kernels.forType(t);
        QVERIFY(tk.dot != nullptr && tk.format == cpu::ActFormat::Q16);
        const int k = 256 * superBlocks, nRows = 11; // two 4-row tiles and three rows left over
        const size_t rb = gguf::rowBytes(t, k), blockBytes = gguf::traits(t).blockBytes;
        std::vector<uint8_t> w(rb * nRows);
        std::mt19937 rng(uint32_t(type * 100 + superBlocks));
        for (auto& b : w)
            b = extreme ? 0xFF : uint8_t(rng()); // all 0xFF: the largest quants, scales and minimums
        std::uniform_real_distribution<float> scale(0.25f, 1.f);
        const auto [dAt, dminAt] = halfOffsets(t);
        for (size_t at = 0; at < w.size(); at += blockBytes) {
            if (extreme && t == TensorType::Q6_K) { // q − 32 = −32 and scale −128: |q·scale| = 4096
                auto* b = reinterpret_cast<gguf::BlockQ6_K*>(&w[at]);
                std::memset(b->ql, 0, sizeof b->ql), std::memset(b->qh, 0, sizeof b->qh);
                std::memset(b->scales, 0x80, sizeof b->scales);
            }
            if (extreme && t == TensorType::Q3_K) std::memset(&w[at], 0, blockBytes); // q = −4, scale −32
            test::putHalf(&w[at + dAt], extreme ? 1.f : scale(rng));
            if (dminAt >= 0) test::putHalf(&w[at + size_t(dminAt)], extreme ? 0.5f : scale(rng));
        }
        // Activation rows: random, or all 1 (every 16-bit quant 32767, the largest sums).
        const int n = 5; // four activation rows in the 4-token tiles, one more through the token-step tile
        std::vector<float> x = test::randomFloats(size_t(n) * k, 17);
        if (extreme) std::fill(x.begin(), x.end(), 1.f);
        size_t actBytes = 0;
        const std::vector<uint8_t> act = test::quantizeRows(kernels, x, n, k, actBytes);
        const test::TileOutputs out = test::runTiles(tk, k, w, rb, nRows, act, actBytes, n, 1);
        std::vector<float> wd(k);
        for (int r = 0; r < nRows; ++r) {
            gguf::dequantizeRow(t, &w[rb * r], wd.data(), k);
            for (int j = 0; j < n; ++j) {
                const test::ExactSum e = test::exactSum(wd, &act[actBytes * j], k);
                const QString batch = test::tileMismatch(out.batch[size_t(j) * nRows + r], e, r, j, "batch");
                QVERIFY2(batch.isEmpty(), qPrintable(batch));
                const QString step =
                    j == 0 ? test::tileMismatch(out.step[size_t(r)], e, r, j, "token step") : QString();
                QVERIFY2(step.isEmpty(), qPrintable(step));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCpuKQuant)
#include "tst_cpu_kquant.moc"
