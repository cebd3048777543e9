// Dequantizers against hand-computed blocks (bit layouts straight from ggml's definitions),
// half-precision conversions, and quantize→dequantize round trips.
#include "gguf/tensor_types.h"
#include "sosoik/error.h"

#include <QTest>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

using namespace sosoik::gguf;

class TestTensorTypes : public QObject {
    Q_OBJECT
private slots:
    void traitsMatchGgml() {
        QCOMPARE(traits(TensorType::Q4_0).blockBytes, 18u);
        QCOMPARE(traits(TensorType::Q8_0).blockBytes, 34u);
        QCOMPARE(traits(TensorType::Q4_K).blockBytes, 144u);
        QCOMPARE(traits(TensorType::Q6_K).blockBytes, 210u);
        QCOMPARE(traits(TensorType::Q6_K).blockElements, 256u);
        QCOMPARE(traits(TensorType::BF16).blockBytes, 2u);
        QVERIFY(traits(TensorType::Q4_K).supported);
        QVERIFY(traits(TensorType::Q5_K).supported);
        QVERIFY(!traits(16u)->supported); // IQ2_XXS
        QCOMPARE(traits(TensorType::Q5_0).blockBytes, 22u);
        QCOMPARE(traits(TensorType::Q5_1).blockBytes, 24u);
        QCOMPARE(traits(TensorType::Q4_1).blockBytes, 20u);
        QCOMPARE(supportedTypeNames(), std::string("F32, F16, Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q2_K, Q3_K, "
                                                   "Q4_K, Q5_K, Q6_K, IQ4_NL, IQ4_XS, BF16"));
        QCOMPARE(typeName(TensorType::Q5_1), std::string_view("Q5_1"));
        QVERIFY(!traits(4u).has_value()); // removed Q4_2 id
        QVERIFY(!traits(1000u).has_value());
        QCOMPARE(traits(23u)->name, std::string_view("IQ4_XS"));
        QCOMPARE(rowBytes(TensorType::Q4_K, 512), size_t(288));
        QCOMPARE(rowBytes(TensorType::F16, 7), size_t(14));
        QVERIFY_THROWS_EXCEPTION(sosoik::Error, rowBytes(TensorType::Q8_0, 33));
    }

    void fp16KnownValues() {
        QCOMPARE(fp16ToFp32(0x3C00), 1.0f);
        QCOMPARE(fp16ToFp32(0xC000), -2.0f);
        QCOMPARE(fp16ToFp32(0x7BFF), 65504.0f);
        QCOMPARE(fp16ToFp32(0x0001), std::ldexp(1.0f, -24));
        QCOMPARE(fp16ToFp32(0x0400), std::ldexp(1.0f, -14));
        QVERIFY(std::isinf(fp16ToFp32(0x7C00)));
        QVERIFY(std::isnan(fp16ToFp32(0x7E00)));
        QVERIFY(std::signbit(fp16ToFp32(0x8000)));
        QCOMPARE(fp32ToFp16(1.0f), uint16_t(0x3C00));
        QCOMPARE(fp32ToFp16(1.0f + std::ldexp(1.0f, -11)), uint16_t(0x3C00));     // tie -> even
        QCOMPARE(fp32ToFp16(1.0f + 3 * std::ldexp(1.0f, -11)), uint16_t(0x3C02)); // tie -> even (up)
        QCOMPARE(fp32ToFp16(65519.0f), uint16_t(0x7BFF));
        QCOMPARE(fp32ToFp16(65520.0f), uint16_t(0x7C00)); // rounds to infinity
        QCOMPARE(fp32ToFp16(-1e10f), uint16_t(0xFC00));
        QCOMPARE(fp32ToFp16(std::ldexp(1.0f, -25)), uint16_t(0x0000)); // subnormal tie -> even (0)
        QCOMPARE(fp32ToFp16(std::ldexp(3.0f, -25)), uint16_t(0x0002));
        QCOMPARE(fp32ToFp16(std::numeric_limits<float>::quiet_NaN()) & 0x7C00, 0x7C00);
    }

    void fp16RoundTripsEveryHalf() {
        for (uint32_t h = 0; h < 0x10000; ++h) {
            if ((h & 0x7C00) == 0x7C00 && (h & 0x3FF)) continue; // NaN payloads
            const uint16_t back = fp32ToFp16(fp16ToFp32(static_cast<uint16_t>(h)));
            if (back != h)
                QFAIL(qPrintable(QString("half 0x%1 came back as 0x%2").arg(h, 0, 16).arg(back, 0, 16)));
        }
    }

    void bf16() {
        QCOMPARE(bf16ToFp32(0x3F80), 1.0f);
        QCOMPARE(bf16ToFp32(0x4049), 3.140625f);
        QCOMPARE(fp32ToBf16(1.0f), uint16_t(0x3F80));
        QCOMPARE(fp32ToBf16(1.0f + std::ldexp(1.0f, -8)), uint16_t(0x3F80));     // tie -> even
        QCOMPARE(fp32ToBf16(1.0f + 3 * std::ldexp(1.0f, -8)), uint16_t(0x3F82)); // tie -> even (up)
        QVERIFY(std::isnan(bf16ToFp32(fp32ToBf16(std::numeric_limits<float>::quiet_NaN()))));
    }

    void q4_0HandBlock() {
        BlockQ4_0 b{};
        b.d = 0x3800; // 0.5
        for (int j = 0; j < 16; ++j)
            b.qs[j] = static_cast<uint8_t>(j | ((15 - j) << 4));
        float y[32];
        dequantizeRow(TensorType::Q4_0, &b, y, 32);
        QCOMPARE(y[0], -4.0f);  // (0 - 8) * 0.5
        QCOMPARE(y[15], 3.5f);  // (15 - 8) * 0.5
        QCOMPARE(y[16], 3.5f);  // high nibble of qs[0] = 15
        QCOMPARE(y[20], 1.5f);  // high nibble of qs[4] = 11
        QCOMPARE(y[31], -4.0f); // high nibble of qs[15] = 0
    }

    void q4_1HandBlock() {
        BlockQ4_1 b{};
        b.d = 0x3800; // 0.5
        b.m = 0xBC00; // -1
        for (int j = 0; j < 16; ++j)
            b.qs[j] = static_cast<uint8_t>(j | ((15 - j) << 4));
        float y[32];
        dequantizeRow(TensorType::Q4_1, &b, y, 32);
        QCOMPARE(y[3], 0.5f);      // 3 * 0.5 - 1
        QCOMPARE(y[16 + 3], 5.0f); // 12 * 0.5 - 1
    }

    void q5HandBlocks() {
        // Fifth bits: element 2 (bit 2) and element 21 (bit 16 + 5).
        const uint32_t qh = (1u << 2) | (1u << 21);
        BlockQ5_0 a{};
        a.d = 0x3800; // 0.5
        std::memcpy(a.qh, &qh, 4);
        a.qs[2] = 0x31;
        a.qs[5] = 0xA0;
        float y[32];
        dequantizeRow(TensorType::Q5_0, &a, y, 32);
        QCOMPARE(y[2], 0.5f);   // (1 | 16) - 16 = 1
        QCOMPARE(y[18], -6.5f); // 3 - 16
        QCOMPARE(y[5], -8.0f);  // 0 - 16
        QCOMPARE(y[21], 5.0f);  // (10 | 16) - 16 = 10
        BlockQ5_1 b{};
        b.d = 0x3400; // 0.25
        b.m = 0x3C00; // 1
        std::memcpy(b.qh, &qh, 4);
        b.qs[2] = 0x31;
        b.qs[5] = 0xA0;
        dequantizeRow(TensorType::Q5_1, &b, y, 32);
        QCOMPARE(y[2], 5.25f); // 17 * 0.25 + 1
        QCOMPARE(y[18], 1.75f);
        QCOMPARE(y[5], 1.0f);
        QCOMPARE(y[21], 7.5f); // 26 * 0.25 + 1
    }

    void q8_0HandBlock() {
        BlockQ8_0 b{};
        b.d = 0x3400; // 0.25
        for (int j = 0; j < 32; ++j)
            b.qs[j] = static_cast<int8_t>(j - 16);
        float y[32];
        dequantizeRow(TensorType::Q8_0, &b, y, 32);
        for (int j = 0; j < 32; ++j)
            QCOMPARE(y[j], (j - 16) * 0.25f);
    }

    void q4_KHandBlock() {
        BlockQ4_K b{};
        b.d = 0x3C00;    // 1.0
        b.dmin = 0x3800; // 0.5
        const uint8_t scales[12] = {0x41, 0xC2, 0x03, 0x84, 0x00, 0x41, 0x82, 0xC3, 0x25, 0x1A, 0xF0, 0x0F};
        std::memcpy(b.scales, scales, 12);
        // Sub-block (scale, min) decoded by hand from those bytes:
        // 0:(1,0) 1:(2,1) 2:(3,2) 3:(4,3) 4:(21,2) 5:(58,17) 6:(0,47) 7:(47,48)
        for (int i = 0; i < 128; ++i)
            b.qs[i] = static_cast<uint8_t>((i % 16) | ((15 - i % 16) << 4));
        std::vector<float> y(256);
        dequantizeRow(TensorType::Q4_K, &b, y.data(), 256);
        QCOMPARE(y[0], 0.0f);
        QCOMPARE(y[5], 5.0f);         // 1*5 - 0.5*0
        QCOMPARE(y[32 + 5], 19.5f);   // 2*10 - 0.5*1
        QCOMPARE(y[64 + 3], 8.0f);    // 3*3 - 0.5*2
        QCOMPARE(y[96 + 3], 46.5f);   // 4*12 - 0.5*3
        QCOMPARE(y[128 + 7], 146.0f); // 21*7 - 0.5*2
        QCOMPARE(y[160 + 7], 455.5f); // 58*8 - 0.5*17
        QCOMPARE(y[192 + 1], -23.5f); // 0*1 - 0.5*47
        QCOMPARE(y[224 + 1], 634.0f); // 47*14 - 0.5*48
    }

    void q6_KHandBlock() {
        BlockQ6_K b{};
        b.d = 0x3800; // 0.5
        const int8_t scales[16] = {1, -2, 3, -4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, -16};
        std::memcpy(b.scales, scales, 16);
        b.ql[3] = 0x7A;
        b.qh[3] = 0xE4; // 2-bit highs 00,01,10,11 for the four quarters
        b.ql[35] = 0x5C;
        b.ql[64 + 20] = 0x03;
        b.ql[127] = 0xF0;
        b.qh[63] = 0xC0;
        std::vector<float> y(256);
        dequantizeRow(TensorType::Q6_K, &b, y.data(), 256);
        QCOMPARE(y[3], -11.0f);         // (10 | 0<<4) - 32 = -22; scale 1
        QCOMPARE(y[35], -6.0f);         // (12 | 1<<4) - 32 = -4; scale 3
        QCOMPARE(y[67], 17.5f);         // (7 | 2<<4) - 32 = 7; scale 5
        QCOMPARE(y[99], 73.5f);         // (5 | 3<<4) - 32 = 21; scale 7
        QCOMPARE(y[0], -16.0f);         // -32 * scale 1
        QCOMPARE(y[16], 32.0f);         // -32 * scale -2
        QCOMPARE(y[128 + 20], -145.0f); // (3) - 32 = -29; scale 10
        QCOMPARE(y[255], -248.0f);      // (15 | 3<<4) - 32 = 31; scale -16
    }

    // Hand-made blocks for the types added later, decoded by hand from ggml's definitions.
    void q5_KHandBlock() {
        BlockQ5_K b{};
        b.d = 0x3C00;    // 1.0
        b.dmin = 0x3800; // 0.5
        const uint8_t scales[12] = {0x41, 0xC2, 0x03, 0x84, 0x00, 0x41, 0x82, 0xC3, 0x25, 0x1A, 0xF0, 0x0F};
        std::memcpy(b.scales, scales, 12); // (scale, min) as in q4_KHandBlock
        for (int i = 0; i < 128; ++i)
            b.qs[i] = static_cast<uint8_t>((i % 16) | ((15 - i % 16) << 4));
        b.qh[5] = 0x03; // fifth bits of element 5 in sub-blocks 0 and 1
        b.qh[7] = 0x80; // ... and of element 7 in sub-block 7
        std::vector<float> y(256);
        dequantizeRow(TensorType::Q5_K, &b, y.data(), 256);
        QCOMPARE(y[5], 21.0f);         // 1*(5+16) - 0.5*0
        QCOMPARE(y[32 + 5], 51.5f);    // 2*(10+16) - 0.5*1
        QCOMPARE(y[64 + 3], 8.0f);     // 3*3 - 0.5*2
        QCOMPARE(y[224 + 7], 1104.0f); // 47*(8+16) - 0.5*48
        QCOMPARE(y[224 + 6], 399.0f);  // 47*9 - 0.5*48
    }

    void q2_KHandBlock() {
        BlockQ2_K b{};
        b.d = 0x3800;    // 0.5
        b.dmin = 0x3C00; // 1.0
        for (int k = 0; k < 16; ++k)
            b.scales[k] = static_cast<uint8_t>(k | ((15 - k) << 4)); // scale k, min 15 - k
        for (int i = 0; i < 64; ++i)
            b.qs[i] = static_cast<uint8_t>(i);
        std::vector<float> y(256);
        dequantizeRow(TensorType::Q2_K, &b, y.data(), 256);
        QCOMPARE(y[0], -15.0f);            // scale 0: 0 - 15
        QCOMPARE(y[17], -13.5f);           // sub-block 1, q = 17 & 3 = 1: 0.5*1*1 - 14
        QCOMPARE(y[32 + 22], -10.5f);      // sub-block 3, q = (22 >> 2) & 3 = 1: 0.5*3 - 12
        QCOMPARE(y[128 + 64 + 30], 17.5f); // sub-block 13, q = (62 >> 4) & 3 = 3: 0.5*13*3 - 2
    }

    void q3_KHandBlock() {
        BlockQ3_K b{};
        b.d = 0x3800;       // 0.5
        b.scales[0] = 0x21; // scale 0 low bits 1, scale 8 low bits 2
        b.scales[4] = 0x07; // scale 4 low bits 7, scale 12 low bits 0
        b.scales[8] = 0xE4; // high bits: scale 0 → 0, 4 → 1, 8 → 2, 12 → 3
        // scales: 0 → 1-32 = -31, 4 → 23-32 = -9, 8 → 34-32 = 2, 12 → 48-32 = 16, others -32
        b.qs[3] = 0xE7;    // 2-bit lows 3, 1, 2, 3 for j = 0..3
        b.qs[35] = 0x01;   // second half: low 1 for j = 0
        b.hmask[3] = 0x11; // third bit set for (n 0, j 0) and (n 1, j 0)
        std::vector<float> y(256);
        dequantizeRow(TensorType::Q3_K, &b, y.data(), 256);
        QCOMPARE(y[3], -46.5f);       // 0.5 * -31 * 3
        QCOMPARE(y[64 + 3], 9.0f);    // 0.5 * -9 * (2 - 4)
        QCOMPARE(y[128 + 3], 1.0f);   // 0.5 * 2 * 1
        QCOMPARE(y[192 + 3], -32.0f); // 0.5 * 16 * (0 - 4)
        QCOMPARE(y[0], 62.0f);        // 0.5 * -31 * (0 - 4)
    }

    void iq4HandBlocks() {
        BlockIQ4_NL a{};
        a.d = 0x3800; // 0.5
        for (int j = 0; j < 16; ++j)
            a.qs[j] = static_cast<uint8_t>(j | ((15 - j) << 4));
        float y[256];
        dequantizeRow(TensorType::IQ4_NL, &a, y, 32);
        QCOMPARE(y[0], -63.5f); // 0.5 * -127
        QCOMPARE(y[15], 56.5f); // 0.5 * 113
        QCOMPARE(y[16], 56.5f); // high nibble of qs[0] = 15
        QCOMPARE(y[20], 19.0f); // high nibble 11 → 38
        BlockIQ4_XS b{};
        b.d = 0x3400;                                    // 0.25
        const uint8_t low[4] = {0x21, 0x43, 0x65, 0x87}; // low scale bits 1..8 for sub-blocks 0..7
        std::memcpy(b.scalesL, low, 4);
        b.scalesH = static_cast<uint16_t>((2u << 2) | (3u << 14)); // sub-block 1: +32, 7: +48
        for (int s = 0; s < 8; ++s)
            for (int j = 0; j < 16; ++j)
                b.qs[16 * s + j] = static_cast<uint8_t>(j | ((15 - j) << 4));
        dequantizeRow(TensorType::IQ4_XS, &b, y, 256);
        QCOMPARE(y[0], 984.25f);     // 0.25 * (1-32) * -127
        QCOMPARE(y[32 + 5], -17.5f); // 0.25 * (34-32) * -35
        QCOMPARE(y[32 + 21], 12.5f); // high nibble of qs[16+5] = 10 → 25
        QCOMPARE(y[255], -762.0f);   // 0.25 * (56-32) * -127
        QCOMPARE(y[64 + 8], -7.25f); // 0.25 * (3-32) * 1
    }

    void roundTripsEverySupportedType_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<double>("tolerance"); // relative to the row's max magnitude
        QTest::newRow("F32") << int(TensorType::F32) << 0.0;
        QTest::newRow("F16") << int(TensorType::F16) << 1e-3;
        QTest::newRow("BF16") << int(TensorType::BF16) << 8e-3;
        QTest::newRow("Q8_0") << int(TensorType::Q8_0) << 1e-2;
        QTest::newRow("Q6_K") << int(TensorType::Q6_K) << 4e-2;
        QTest::newRow("Q4_0") << int(TensorType::Q4_0) << 0.13;
        QTest::newRow("Q4_K") << int(TensorType::Q4_K) << 0.13;
        QTest::newRow("Q4_1") << int(TensorType::Q4_1) << 0.13;
        QTest::newRow("Q5_0") << int(TensorType::Q5_0) << 0.07;
        QTest::newRow("Q5_1") << int(TensorType::Q5_1) << 0.07;
        QTest::newRow("Q5_K") << int(TensorType::Q5_K) << 0.07;
        QTest::newRow("Q3_K") << int(TensorType::Q3_K) << 0.2;
        QTest::newRow("Q2_K") << int(TensorType::Q2_K) << 0.35;
        QTest::newRow("IQ4_NL") << int(TensorType::IQ4_NL) << 0.1;
        QTest::newRow("IQ4_XS") << int(TensorType::IQ4_XS) << 0.12;
    }
    void roundTripsEverySupportedType() {
        QFETCH(int, type);
        QFETCH(double, tolerance);
        const auto t = static_cast<TensorType>(type);
        std::mt19937 rng(7);
        std::normal_distribution<float> dist(0.f, 1.f);
        const size_t n = 512;
        std::vector<float> x(n), y(n);
        for (auto& v : x)
            v = dist(rng);
        std::vector<uint8_t> q(rowBytes(t, n));
        quantizeRow(t, x.data(), q.data(), n);
        dequantizeRow(t, q.data(), y.data(), n);
        float amax = 0, err = 0;
        for (size_t i = 0; i < n; ++i)
            amax = std::max(amax, std::fabs(x[i])), err = std::max(err, std::fabs(x[i] - y[i]));
        QVERIFY2(err <= tolerance * amax,
                 qPrintable(QString("max error %1 (max |x| %2)").arg(err).arg(amax)));
        // All zeros must stay zeros (no division by zero in the scale search).
        std::vector<float> zeros(n, 0.f);
        quantizeRow(t, zeros.data(), q.data(), n);
        dequantizeRow(t, q.data(), y.data(), n);
        for (float v : y)
            QCOMPARE(v, 0.0f);
    }

    void unsupportedTypeIsRefused() {
        uint8_t block[176] = {};
        float y[256];
        try {
            dequantizeRow(static_cast<TensorType>(16), block, y, 256); // IQ2_XXS
            QFAIL("expected an error");
        } catch (const sosoik::Error& e) {
            QVERIFY2(std::string(e.what()).find("IQ2_XXS") != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestTensorTypes)
#include "tst_tensor_types.moc"
