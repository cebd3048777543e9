// Each reference op against values computed by hand (these functions are the oracle for the
// Vulkan shaders, so they must be right on their own).
#include "backend/reference/ops.h"
#include "sosoik/error.h"

#include <QTest>
#include <atomic>
#include <cmath>
#include <random>

using namespace sosoik;
using namespace sosoik::backend::reference;
using gguf::TensorType;

namespace {
bool near(float a, float b, float tol = 1e-5f) {
    return std::fabs(a - b) <= tol;
}
} // namespace

class TestReferenceOps : public QObject {
    Q_OBJECT
private slots:
    void matvecF32ByHand() {
        const float w[6] = {1, 2, 3, 4, 5, 6}; // 2 rows of 3
        const float x[3] = {1, -1, 2};
        float y[2];
        matvec({TensorType::F32, reinterpret_cast<const uint8_t*>(w), 2, 3}, x, y);
        QCOMPARE(y[0], 5.0f);  // 1 - 2 + 6
        QCOMPARE(y[1], 11.0f); // 4 - 5 + 12
    }

    void matmulQuantizedEqualsDequantizedProduct_data() {
        QTest::addColumn<int>("type");
        for (auto t : {TensorType::F16, TensorType::BF16, TensorType::Q8_0, TensorType::Q4_0,
                       TensorType::Q4_K, TensorType::Q6_K})
            QTest::newRow(std::string(gguf::typeName(t)).c_str()) << int(t);
    }
    void matmulQuantizedEqualsDequantizedProduct() {
        QFETCH(int, type);
        const auto t = static_cast<TensorType>(type);
        const int rows = 37, cols = 512, n = 3;
        std::mt19937 rng(3);
        std::normal_distribution<float> d;
        std::vector<float> w(size_t(rows) * cols), x(size_t(n) * cols);
        for (auto& v : w)
            v = d(rng);
        for (auto& v : x)
            v = d(rng);
        const size_t rb = gguf::rowBytes(t, cols);
        std::vector<uint8_t> q(rb * rows);
        for (int r = 0; r < rows; ++r)
            gguf::quantizeRow(t, &w[size_t(r) * cols], &q[rb * r], cols);
        std::vector<float> deq(w.size());
        for (int r = 0; r < rows; ++r)
            gguf::dequantizeRow(t, &q[rb * r], &deq[size_t(r) * cols], cols);
        std::vector<float> y1(size_t(n) * rows), y4(size_t(n) * rows);
        const Matrix m{t, q.data(), rows, cols};
        matmul(m, x.data(), n, y1.data(), 1);
        matmul(m, x.data(), n, y4.data(), 4);
        for (int i = 0; i < n; ++i)
            for (int r = 0; r < rows; ++r) {
                double expect = 0;
                for (int c = 0; c < cols; ++c)
                    expect += double(deq[size_t(r) * cols + c]) * x[size_t(i) * cols + c];
                QVERIFY(near(y1[size_t(i) * rows + r], float(expect), 1e-3f));
                QCOMPARE(y4[size_t(i) * rows + r], y1[size_t(i) * rows + r]); // threads change nothing
            }
    }

    void rmsnormByHand() {
        const float x[4] = {1, 2, 3, 4}, w[4] = {1, 1, 2, 0.5f};
        float out[4];
        rmsnorm(x, w, 4, 0.f, out);
        const float s = 1.f / std::sqrt(7.5f); // mean of squares = 30/4
        QVERIFY(near(out[0], s));
        QVERIFY(near(out[2], 6 * s));
        QVERIFY(near(out[3], 2 * s));
        rmsnorm(x, nullptr, 4, 2.5f, out); // eps enters under the root
        QVERIFY(near(out[1], 2 / std::sqrt(10.f)));
    }

    void ropeInterleavedByHand() {
        // headDim 4, pos 1, base 100: pair 0 angle 1 rad, pair 1 angle 100^-0.5 = 0.1 rad.
        float x[4] = {1, 0, 0, 2};
        rope(x, 1, 4, 1, 100.f, model::RopeLayout::Interleaved);
        QVERIFY(near(x[0], std::cos(1.f)));
        QVERIFY(near(x[1], std::sin(1.f)));
        QVERIFY(near(x[2], -2 * std::sin(0.1f)));
        QVERIFY(near(x[3], 2 * std::cos(0.1f)));
    }

    void ropeNeoxByHand() {
        // Pairs are (0, 2) and (1, 3).
        float x[8] = {1, 0, 0, 2, /* second head */ 0, 1, 0, 0};
        rope(x, 2, 4, 1, 100.f, model::RopeLayout::Neox);
        QVERIFY(near(x[0], std::cos(1.f)));
        QVERIFY(near(x[2], std::sin(1.f)));
        QVERIFY(near(x[1], -2 * std::sin(0.1f)));
        QVERIFY(near(x[3], 2 * std::cos(0.1f)));
        QVERIFY(near(x[5], std::cos(0.1f))); // second head rotated the same way
        QVERIFY(near(x[7], std::sin(0.1f)));
    }

    void ropeFreqFactorsDivideTheAngle() {
        float a[4] = {1, 0, 1, 0};
        const float factors[2] = {2.f, 4.f};
        rope(a, 1, 4, 3, 100.f, model::RopeLayout::Interleaved, factors);
        QVERIFY(near(a[0], std::cos(1.5f)));   // 3 * 1 / 2
        QVERIFY(near(a[3], std::sin(0.075f))); // 3 * 0.1 / 4
        float b[4] = {5, 6, 7, 8};
        rope(b, 1, 4, 0, 100.f, model::RopeLayout::Neox, factors); // position 0 is the identity
        QCOMPARE(b[2], 7.f);
    }

    void attentionByHand() {
        // Two query heads sharing one KV head (GQA 2:1), headDim 2, three keys.
        const float q[4] = {1, 0, /* head 1 */ 0, 0};
        const float k[6] = {0, 0, std::log(2.f) * std::sqrt(2.f), 0, 0, 5};
        const float v[6] = {1, 0, 0, 1, 9, 9};
        float out[4];
        attention(q, k, v, 2, 2, 1, 2, out); // only the first two keys (causal)
        // Head 0: scores 0 and log 2 -> weights 1/3, 2/3.
        QVERIFY(near(out[0], 1.f / 3));
        QVERIFY(near(out[1], 2.f / 3));
        // Head 1: zero query -> uniform over the two keys.
        QVERIFY(near(out[2], 0.5f));
        QVERIFY(near(out[3], 0.5f));
        attention(q, k, v, 1, 2, 1, 2, out); // one key: the output is its value
        QCOMPARE(out[0], 1.f);
        QCOMPARE(out[1], 0.f);
    }

    // Sliding window, explicit scale and Gemma 2's soft-cap, by hand.
    void attentionWindowScaleAndSoftCap() {
        const float q[2] = {1, 0};
        const float k[6] = {0, 0, std::log(2.f), 0, 100, 0};
        const float v[6] = {1, 0, 0, 1, 7, 7};
        float out[2];
        // Scale 1, keys 1..2 only (firstKey 1): scores log 2 and 100 -> nearly all weight on key 2.
        attention(q, k, v, 3, 1, 1, 2, out, 1.f, 0.f, 1);
        QVERIFY(near(out[0], 7.f) && near(out[1], 7.f));
        // Soft-cap 1: scores tanh(log 2) and tanh(100) = 0.6 and 1 -> weights e^0.6, e^1 over keys 1..2.
        attention(q, k, v, 3, 1, 1, 2, out, 1.f, 1.f, 1);
        const float w1 = std::exp(0.6f) / (std::exp(0.6f) + std::exp(1.f));
        QVERIFY(near(out[0], 7.f * (1 - w1)));
        QVERIFY(near(out[1], w1 + 7.f * (1 - w1)));
        // attentionCausal with window 1: every query sees only its own key.
        const float qs[6] = {1, 0, 1, 0, 1, 0};
        float outs[6];
        attentionCausal(qs, 3, 0, k, v, 1, 1, 2, outs, 1, {1.f, 0.f, 1});
        for (int t = 0; t < 3; ++t) {
            QCOMPARE(outs[2 * t], v[2 * t]);
            QCOMPARE(outs[2 * t + 1], v[2 * t + 1]);
        }
    }

    void gegluAndSoftCapByHand() {
        // gelu_tanh(1) = 0.5 (1 + tanh(sqrt(2/pi) 1.044715)) = 0.841192
        const float gate[2] = {1, 0}, up[2] = {2, 5};
        float out[2];
        geglu(gate, up, 2, out);
        QVERIFY(near(out[0], 2 * 0.841192f));
        QCOMPARE(out[1], 0.f);
        float x[3] = {0, 30, -1e6f};
        softCap(x, 3, 30.f);
        QCOMPARE(x[0], 0.f);
        QVERIFY(near(x[1], 30.f * std::tanh(1.f)));
        QVERIFY(near(x[2], -30.f));
    }

    void attentionCausalMatchesPerQueryCalls() {
        const int nHead = 4, nHeadKv = 2, hd = 8, n = 5, start = 3, kv = nHeadKv * hd;
        std::mt19937 rng(5);
        std::normal_distribution<float> d;
        std::vector<float> q(size_t(n) * nHead * hd), k(size_t(start + n) * kv), v(k.size());
        for (auto* vec : {&q, &k, &v})
            for (auto& x : *vec)
                x = d(rng);
        std::vector<float> batched(q.size()), single(nHead * hd);
        attentionCausal(q.data(), n, start, k.data(), v.data(), nHead, nHeadKv, hd, batched.data(), 3);
        for (int t = 0; t < n; ++t) {
            attention(&q[size_t(t) * nHead * hd], k.data(), v.data(), start + t + 1, nHead, nHeadKv, hd,
                      single.data());
            for (int i = 0; i < nHead * hd; ++i)
                QCOMPARE(batched[size_t(t) * nHead * hd + i], single[i]);
        }
    }

    void swigluAndAdd() {
        const float g[3] = {0, 1, -2}, u[3] = {5, 2, 3};
        float out[3];
        swiglu(g, u, 3, out);
        QCOMPARE(out[0], 0.f);
        QVERIFY(near(out[1], 2 / (1 + std::exp(-1.f))));
        QVERIFY(near(out[2], 3 * -2 / (1 + std::exp(2.f))));
        float x[2] = {1, 2};
        const float y[2] = {0.5f, -2};
        add(x, y, 2);
        QCOMPARE(x[0], 1.5f);
        QCOMPARE(x[1], 0.f);
    }

    void embedReadsOneRowAndRejectsBadIds() {
        const float table[6] = {1, 2, 3, 4, 5, 6};
        const Matrix m{TensorType::F32, reinterpret_cast<const uint8_t*>(table), 3, 2};
        float out[2];
        embed(m, 2, out);
        QCOMPARE(out[0], 5.f);
        QCOMPARE(out[1], 6.f);
        QVERIFY_THROWS_EXCEPTION(Error, embed(m, 3, out));
        QVERIFY_THROWS_EXCEPTION(Error, embed(m, -1, out));
    }

    void parallelForCoversEveryIndexOnce() {
        for (int threads : {1, 2, 3, 8}) {
            std::vector<std::atomic<int>> hits(101);
            parallelFor(101, threads, [&](int b, int e) {
                for (int i = b; i < e; ++i)
                    hits[i]++;
            });
            for (auto& h : hits)
                QCOMPARE(h.load(), 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestReferenceOps)
#include "tst_reference_ops.moc"
