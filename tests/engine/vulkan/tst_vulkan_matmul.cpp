// The tiled matrix × matrix kernel for prompt batches (matmul_<type>.comp), forced on whatever
// device runs the tests, against the reference backend's matmul for every weight type, on
// shapes that do not fill its tiles: one row, row counts and token counts that leave partial
// tiles, rows whose length is not a multiple of the K step, long rows, with and without the
// fused residual add. Also run with the tile shape a device at Vulkan's minimum limits
// (16 KiB shared memory, 128 invocations) would get, and the shape choice itself is checked
// against a range of device limits.
#include "vk_test_util.h"

#include "backend/reference/ops.h"
#include "backend/vulkan/instance.h"

#include <QTest>

using namespace sosoik;
using namespace sosoik::vktest;

namespace {

const TensorType kTypes[] = {TensorType::F32,    TensorType::F16,  TensorType::BF16,  TensorType::Q8_0,
                             TensorType::Q4_0,   TensorType::Q4_1, TensorType::Q5_0,  TensorType::Q5_1,
                             TensorType::IQ4_NL, TensorType::Q2_K, TensorType::Q3_K,  TensorType::Q4_K,
                             TensorType::Q5_K,   TensorType::Q6_K, TensorType::IQ4_XS};

vk::DeviceCaps minimumCaps() {
    vk::DeviceCaps c;
    c.sharedMemoryBytes = 16384;
    c.maxWorkgroupInvocations = 128;
    c.maxWorkgroupSizeX = 128;
    c.subgroupSize = 32;
    return c;
}

// Runs y (+)= W·x through `kernels` and returns the worst error relative to Σ|w·x| (the scale
// rounding errors grow with); fails the test if the padding between rows of y changed.
double productError(vk::Context& ctx, vk::Kernels& kernels, TensorType t, int rows, int cols, int tokens,
                    bool accumulate) {
    std::mt19937 rng(rows * 131 + cols + tokens * 7 + int(t));
    const auto raw = randomTensor(t, rows, cols, rng);
    const auto w = dequantize(t, raw, rows, cols);
    vk::Buffer wBuf;
    const vk::DeviceWeight dw = uploadWeight(ctx, wBuf, t, raw, rows, cols);
    const uint32_t xStride = (dw.layout.paddedCols + 7) & ~7u, yStride = rows + 3;
    std::vector<float> x(size_t(tokens) * xStride, 0.f), y0 = randomFloats(size_t(tokens) * yStride, rng);
    for (int k = 0; k < tokens; ++k)
        for (int c = 0; c < cols; ++c)
            x[k * xStride + c] = std::uniform_real_distribution<float>(-1, 1)(rng);
    vk::Buffer xBuf = upload(ctx, x), yBuf = upload(ctx, y0);
    runOnce(ctx, [&](VkCommandBuffer cb) {
        kernels.matvec(cb, dw, xBuf.ref(), xStride, yBuf.ref(), yStride, tokens, accumulate);
    });
    const auto y = download(ctx, yBuf, y0.size());
    ctx.destroy(wBuf), ctx.destroy(xBuf), ctx.destroy(yBuf);

    std::vector<float> xDense(size_t(tokens) * cols), want(size_t(tokens) * rows);
    for (int k = 0; k < tokens; ++k)
        std::copy_n(x.begin() + k * xStride, cols, xDense.begin() + size_t(k) * cols);
    backend::reference::matmul({t, raw.data(), rows, cols}, xDense.data(), tokens, want.data());
    double worst = 0;
    for (int k = 0; k < tokens; ++k) {
        for (int r = 0; r < rows; ++r) {
            const double ref = want[size_t(k) * rows + r] + (accumulate ? y0[k * yStride + r] : 0.0);
            double mag = 1e-6;
            for (int c = 0; c < cols; ++c)
                mag += std::fabs(double(w[size_t(r) * cols + c]) * x[k * xStride + c]);
            worst = std::max(worst, std::fabs(y[k * yStride + r] - ref) / mag);
        }
        for (uint32_t r = rows; r < yStride; ++r)
            if (y[k * yStride + r] != y0[k * yStride + r]) return 1e9; // wrote past the matrix's rows
    }
    return worst;
}

} // namespace

class TestVulkanMatmul : public QObject {
    Q_OBJECT
    std::shared_ptr<vk::Context> ctx;
    std::unique_ptr<vk::Kernels> tiled, minimal;

private slots:
    void initTestCase() {
        ctx = vk::Context::create();
        vk::KernelOptions o;
        o.batch = vk::BatchKernel::Tiled;
        tiled = std::make_unique<vk::Kernels>(*ctx, o);
        o.tiles = vk::matmulTiles(minimumCaps());
        minimal = std::make_unique<vk::Kernels>(*ctx, o);
        const auto& t = tiled->tiles();
        qInfo("device tiles: %u x %u x %u, %u x %u per invocation, %u invocations, %u bytes shared", t.bm,
              t.bn, t.bk, t.tm, t.tn, t.invocations(), t.sharedBytes());
    }
    void cleanupTestCase() {
        tiled.reset();
        minimal.reset();
        ctx.reset();
        QCOMPARE(vk::Instance::validationMessageCount(), uint64_t(0));
    }

    // The shape fits every limit it was chosen from and covers its tile exactly.
    void tilesFitTheLimits_data() {
        QTest::addColumn<int>("shared");
        QTest::addColumn<int>("invocations");
        QTest::addColumn<int>("subgroup");
        QTest::newRow("Vulkan minimum") << 16384 << 128 << 32;
        QTest::newRow("lavapipe") << 32768 << 1024 << 8;
        QTest::newRow("NVIDIA") << 49152 << 1024 << 32;
        QTest::newRow("AMD wave64") << 65536 << 1024 << 64;
        QTest::newRow("wide subgroup") << 32768 << 256 << 128;
    }
    void tilesFitTheLimits() {
        QFETCH(int, shared);
        QFETCH(int, invocations);
        QFETCH(int, subgroup);
        vk::DeviceCaps c;
        c.sharedMemoryBytes = shared;
        c.maxWorkgroupInvocations = c.maxWorkgroupSizeX = invocations;
        c.subgroupSize = subgroup;
        const vk::MatmulTiles t = vk::matmulTiles(c);
        QVERIFY(t.sharedBytes() <= uint32_t(shared));
        QVERIFY(t.invocations() <= uint32_t(invocations));
        QCOMPARE(t.invocations() % uint32_t(subgroup), 0u);
        QCOMPARE(t.bk % 8, 0u);
        QCOMPARE(t.bm % t.tm, 0u);
        QCOMPARE(t.bn % t.tn, 0u);
        QVERIFY(t.bk >= 16); // the K step stays deep enough to amortise its barriers
    }

    void routing() {
        QVERIFY(tiled->tiledBatches(2, {}));
        QVERIFY(!tiled->tiledBatches(1, {})); // single tokens stay on the decode matvec
        vk::MatvecInput fused;
        fused.mode = vk::MatvecInput::RmsNorm;
        QVERIFY(!tiled->tiledBatches(64, fused)); // fused inputs are matvec-only
        vk::KernelOptions o;
        o.batch = vk::BatchKernel::Matvec;
        QVERIFY(!vk::Kernels(*ctx, o).tiledBatches(64, {}));
        // Auto: matvec on CPU devices, tiled on GPUs, unless SOSOIK_VK_MATMUL says otherwise.
        qunsetenv("SOSOIK_VK_MATMUL");
        QCOMPARE(vk::Kernels(*ctx).tiledBatches(64, {}), ctx->caps().type != VK_PHYSICAL_DEVICE_TYPE_CPU);
        qputenv("SOSOIK_VK_MATMUL", "tiled");
        QVERIFY(vk::Kernels(*ctx).tiledBatches(64, {}));
        qputenv("SOSOIK_VK_MATMUL", "matvec");
        QVERIFY(!vk::Kernels(*ctx).tiledBatches(64, {}));
        qunsetenv("SOSOIK_VK_MATMUL");
    }

    void product_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<bool>("accumulate");
        for (TensorType t : kTypes) {
            const int unit = static_cast<int>(typeSize(t).blockElements);
            const bool plain = unit == 1;
            const std::string name(vk::kernelSuffix(t));
            auto add = [&](const char* shape, int rows, int cols, int tokens, bool acc) {
                QTest::newRow((name + " " + shape).c_str()) << int(t) << rows << cols << tokens << acc;
            };
            add("1 row x2", 1, plain ? 24 : unit, 2, false);
            // 100 cols pad to 104: the last K step is partial.
            add("37 rows x7", 37, plain ? 100 : 3 * unit, 7, true);
            add("65 rows x33", 65, plain ? 45 : unit, 33, false);
            add("130 rows x128", 130, plain ? 72 : unit, 128, true);
            add("long row x7", 5, plain ? 2056 : (unit == 32 ? 2048 : 2304), 7, true);
        }
    }
    void product() {
        QFETCH(int, type);
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(int, tokens);
        QFETCH(bool, accumulate);
        QVERIFY(tiled->tiledBatches(tokens, {}));
        const double err = productError(*ctx, *tiled, TensorType(type), rows, cols, tokens, accumulate);
        QVERIFY2(err < 1e-5, qPrintable(QString("relative error %1").arg(err)));
    }

    // The shape a minimum-limits device gets (a shallower K step, more outputs per invocation).
    void minimumLimitsShape_data() {
        QTest::addColumn<int>("type");
        for (TensorType t : kTypes)
            QTest::newRow(vk::kernelSuffix(t)) << int(t);
    }
    void minimumLimitsShape() {
        QFETCH(int, type);
        const int unit = static_cast<int>(typeSize(TensorType(type)).blockElements);
        const double err =
            productError(*ctx, *minimal, TensorType(type), 70, unit == 1 ? 136 : 2 * unit, 70, true);
        QVERIFY2(err < 1e-5, qPrintable(QString("relative error %1").arg(err)));
    }
};

QTEST_GUILESS_MAIN(TestVulkanMatmul)
#include "tst_vulkan_matmul.moc"
