// What the tile tests (tst_cpu_kquant, tst_cpu_qtiles) share: raw weight rows of a type through a level's
// tiles — the token step (one activation row: 4-row tiles and the rows left over) and a batch of all rows —
// and the exact Σ w·a of the dequantized weights and the 16-bit activations the tiles read.
#pragma once

#include "backend/cpu/cpu_features.h"
#include "backend/cpu/kernels.h"
#include "support/cpu_levels.h"

#include <QString>
#include <QTest>
#include <cmath>
#include <cstring>
#include <span>
#include <vector>

namespace sosoik::test {

inline void putHalf(uint8_t* p, float v) {
    const uint16_t h = gguf::fp32ToFp16(v);
    std::memcpy(p, &h, 2);
}

// A data row's name: "AVX2 Q4_K 11 super-blocks, extremes".
inline QString tileCaseName(int level, gguf::TensorType t, int count, const char* unit, bool extreme) {
    const auto type = gguf::typeName(t);
    return QString("%1 %2 %3 %4%5")
        .arg(QString::fromStdString(cpuLevelName(level)), QString::fromLatin1(type.data(), int(type.size())))
        .arg(count)
        .arg(QString::fromLatin1(unit), extreme ? QStringLiteral(", extremes") : QString());
}

// The tile tests' data: columns level, type, count (of `unit`s per row), extreme; a row for every test level,
// type, count and both kinds of weights.
inline void addTileRows(std::span<const gguf::TensorType> types, std::initializer_list<int> counts,
                        const char* unit) {
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("extreme");
    for (int level = 0; level < kCpuTestLevels; ++level)
        for (gguf::TensorType t : types)
            for (int count : counts)
                for (bool extreme : {false, true})
                    QTest::newRow(qPrintable(tileCaseName(level, t, count, unit, extreme)))
                        << level << int(t) << count << extreme;
}

// n activation rows of k floats as the Q16 rows the tiles read (blocks and in-lane copy), actBytes apart.
inline std::vector<uint8_t> quantizeRows(const backend::cpu::Kernels& kernels, const std::vector<float>& x,
                                         int n, int k, size_t& actBytes) {
    actBytes = backend::cpu::activationRowBytes(backend::cpu::ActFormat::Q16, k);
    std::vector<uint8_t> act(actBytes * size_t(n));
    for (int j = 0; j < n; ++j)
        backend::cpu::quantizeRowQ16(kernels, k, &x[size_t(j) * k], &act[actBytes * j]);
    return act;
}

// nRows weight rows (rb bytes each) against n activation rows: step[j·nRows + r] for the first `steps` rows
// each alone (the token-step tile), batch[j·nRows + r] for all n in one call; a level without tiles (scalar)
// row by row through its dot kernel.
struct TileOutputs {
    std::vector<float> step, batch;
};
inline TileOutputs runTiles(const backend::cpu::TypeKernel& tk, int k, const std::vector<uint8_t>& w,
                            size_t rb, int nRows, const std::vector<uint8_t>& act, size_t actBytes, int n,
                            int steps) {
    TileOutputs o{std::vector<float>(size_t(steps) * nRows), std::vector<float>(size_t(n) * nRows)};
    if (tk.tile) {
        for (int j = 0; j < steps; ++j)
            tk.tile(k, w.data(), rb, nRows, &act[actBytes * j], actBytes, 1, &o.step[size_t(j) * nRows], 1);
        tk.tile(k, w.data(), rb, nRows, act.data(), actBytes, n, o.batch.data(), nRows);
        return o;
    }
    std::vector<float> column(n);
    for (int r = 0; r < nRows; ++r) {
        tk.dot(k, &w[rb * r], act.data(), actBytes, n, column.data());
        for (int j = 0; j < n; ++j)
            o.batch[size_t(j) * nRows + r] = column[j];
        for (int j = 0; j < steps; ++j) {
            tk.dot(k, &w[rb * r], &act[actBytes * j], actBytes, 1, column.data());
            o.step[size_t(j) * nRows + r] = column[0];
        }
    }
    return o;
}

// Σ w·a in double of dequantized weights wd (k values) and one ActQ16 row, and Σ |w·a| for the tolerance.
struct ExactSum {
    double sum = 0, magnitude = 0;
};
inline ExactSum exactSum(const std::vector<float>& wd, const uint8_t* actRow, int k) {
    const auto* a = reinterpret_cast<const backend::cpu::ActQ16*>(actRow);
    ExactSum e;
    for (int i = 0; i < k; ++i) {
        const double p = double(wd[i]) * a[i / 32].d * a[i / 32].qs[i % 32];
        e.sum += p, e.magnitude += std::fabs(p);
    }
    return e;
}

// Empty when a tile's output `got` for weight row r and activation row j matches the exact sum to 1e-5 of
// Σ |w·a| (float accumulation of exact integer block sums), else what differs.
inline QString tileMismatch(float got, const ExactSum& e, int r, int j, const char* what) {
    if (std::fabs(got - e.sum) <= 1e-5 * e.magnitude + 1e-30) return {};
    return QString("row %1 token %2 (%3): got %4, exact %5")
        .arg(r)
        .arg(j)
        .arg(QString::fromLatin1(what))
        .arg(got)
        .arg(e.sum);
}

} // namespace sosoik::test
