// The token-step tiles of the 32-value block types and IQ4_XS (kernels_x86_inlane.inc: quants widened in
// lane, offsets paid in integers, Q5's weights as 16·(q − 16)), and the other tiles beside them, at every
// SIMD level this machine has, against the exact Σ w·a of the dequantized weights and 16-bit activations they
// read: raw random blocks (every quant and scale the formats can hold, not only what the quantizer writes),
// one block and many, 4-row tiles with rows left over, and the largest quants of both signs against ±32767
// activations.
#include "backend/cpu/cpu_features.h"
#include "backend/cpu/kernels.h"

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

const TensorType kTypes[] = {TensorType::Q5_0, TensorType::Q5_1, TensorType::IQ4_NL, TensorType::IQ4_XS,
                             TensorType::Q4_0, TensorType::Q4_1, TensorType::Q8_0};

void putHalf(uint8_t* p, float v) {
    const uint16_t h = gguf::fp32ToFp16(v);
    std::memcpy(p, &h, 2);
}

} // namespace

class TestCpuQTiles : public QObject {
    Q_OBJECT
private slots:
    void tilesAreExact_data() {
        QTest::addColumn<int>("isa");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("blocks");
        QTest::addColumn<bool>("extreme");
        for (int isa = 0; isa < cpu::kIsaCount; ++isa)
            for (TensorType t : kTypes)
                for (int blocks : {1, 29})
                    for (bool extreme : {false, true})
                        QTest::newRow(qPrintable(QString("%1 %2 %3 blocks%4")
                                                     .arg(QString::fromLatin1(cpu::isaName(Isa(isa))),
                                                          QString::fromLatin1(gguf::typeName(t).data(),
                                                                              int(gguf::typeName(t).size())))
                                                     .arg(blocks)
                                                     .arg(extreme ? ", extremes" : "")))
                            << isa << int(t) << blocks << extreme;
    }
    void tilesAreExact() {
        QFETCH(int, isa);
        QFETCH(int, type);
        QFETCH(int, blocks);
        QFETCH(bool, extreme);
        if (!cpu::isaSupported(Isa(isa))) QSKIP("this CPU lacks the level");
        const auto t = static_cast<TensorType>(type);
        const cpu::Kernels& kernels = cpu::kernelsFor(Isa(isa));
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
            putHalf(&w[at], extreme ? 1.f : scale(rng)); // d leads every one of these blocks
            if (t == TensorType::Q5_1 || t == TensorType::Q4_1)
                putHalf(&w[at + 2], extreme ? -0.5f : -scale(rng));
        }
        // Activation rows: random, or ±1 by turns (every 16-bit quant ±32767, the largest sums).
        const int n = 5; // four rows in the 4-token tiles, one more through the token-step tile
        std::vector<float> x = test::randomFloats(size_t(n) * k, 17);
        if (extreme)
            for (int j = 0; j < n; ++j)
                std::fill(x.begin() + size_t(j) * k, x.begin() + size_t(j + 1) * k, j % 2 ? -1.f : 1.f);
        const size_t actBytes = cpu::activationRowBytes(tk.format, k);
        std::vector<uint8_t> act(actBytes * n);
        for (int j = 0; j < n; ++j)
            kernels.quantizeQ16(k, &x[size_t(j) * k], reinterpret_cast<cpu::ActQ16*>(&act[actBytes * j]));
        // Token steps with the first and the second activation row (4-row tiles and the rows left over), then
        // all five rows; a level without tiles (scalar) row by row.
        std::vector<float> step(size_t(2) * nRows), batch(size_t(n) * nRows), column(n);
        if (tk.tile) {
            for (int j = 0; j < 2; ++j)
                tk.tile(k, w.data(), rb, nRows, &act[actBytes * j], actBytes, 1, &step[size_t(j) * nRows], 1);
            tk.tile(k, w.data(), rb, nRows, act.data(), actBytes, n, batch.data(), nRows);
        } else {
            for (int r = 0; r < nRows; ++r) {
                tk.dot(k, &w[rb * r], act.data(), actBytes, n, column.data());
                for (int j = 0; j < n; ++j)
                    batch[size_t(j) * nRows + r] = column[j];
                for (int j = 0; j < 2; ++j)
                    step[size_t(j) * nRows + r] = column[j];
            }
        }
        std::vector<float> wd(k);
        for (int r = 0; r < nRows; ++r) {
            gguf::dequantizeRow(t, &w[rb * r], wd.data(), k);
            for (int j = 0; j < n; ++j) {
                const auto* a = reinterpret_cast<const cpu::ActQ16*>(&act[actBytes * j]);
                double exact = 0, magnitude = 0;
                for (int i = 0; i < k; ++i) {
                    const double p = double(wd[i]) * a[i / 32].d * a[i / 32].qs[i % 32];
                    exact += p, magnitude += std::fabs(p);
                }
                const auto check = [&](float got, const char* what) {
                    QVERIFY2(std::fabs(got - exact) <= 1e-5 * magnitude + 1e-30,
                             qPrintable(QString("row %1 token %2 (%3): got %4, exact %5")
                                            .arg(r)
                                            .arg(j)
                                            .arg(QString::fromLatin1(what))
                                            .arg(got)
                                            .arg(exact)));
                };
                check(batch[size_t(j) * nRows + r], "batch");
                if (j < 2) check(step[size_t(j) * nRows + r], "token step");
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCpuQTiles)
#include "tst_cpu_qtiles.moc"
