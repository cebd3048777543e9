// Matrix × vector(s) and embedding lookup on the GPU against a CPU loop, for every weight
// type, on awkward shapes: one row, row counts that are not multiples of the workgroup's
// rows, long rows, single tokens and token batches that do not fill a pass, with and
// without the fused residual add.
#include "vk_test_util.h"

#include "backend/vulkan/instance.h"

#include <QTest>

using namespace sosoik;
using namespace sosoik::vktest;

namespace {

const TensorType kTypes[] = {TensorType::F32,  TensorType::F16,  TensorType::BF16, TensorType::Q8_0,
                             TensorType::Q4_0, TensorType::Q4_K, TensorType::Q6_K};

} // namespace

class TestVulkanMatvec : public QObject {
    Q_OBJECT
    std::shared_ptr<vk::Context> ctx;
    std::unique_ptr<vk::Kernels> kernels;

private slots:
    void initTestCase() {
        ctx = vk::Context::create();
        kernels = std::make_unique<vk::Kernels>(*ctx);
    }
    void cleanupTestCase() {
        kernels.reset();
        ctx.reset();
        QCOMPARE(vk::Instance::validationMessageCount(), uint64_t(0));
    }

    void matvec_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<bool>("accumulate");
        for (TensorType t : kTypes) {
            const int block = static_cast<int>(typeSize(t).blockElements);
            const int unit = block == 1 ? 1 : block;
            const std::string name(vk::kernelSuffix(t));
            auto add = [&](const char* shape, int rows, int cols, int tokens, bool acc) {
                QTest::newRow((name + " " + shape).c_str()) << int(t) << rows << cols << tokens << acc;
            };
            add("1 row", 1, unit == 1 ? 24 : unit, 1, false);
            add("37 rows", 37, unit == 1 ? 100 : 3 * unit, 1, true);
            add("ragged batch", 19, unit == 1 ? 45 : 2 * unit, 11, false);
            add("long row", 5, unit == 1 ? 4104 : (unit == 32 ? 4096 : 8192), 3, true);
        }
    }
    void matvec() {
        QFETCH(int, type);
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(int, tokens);
        QFETCH(bool, accumulate);
        const auto t = static_cast<TensorType>(type);
        std::mt19937 rng(rows * 131 + cols + tokens);
        const auto raw = randomTensor(t, rows, cols, rng);
        const auto w = dequantize(t, raw, rows, cols);
        vk::Buffer wBuf;
        const vk::DeviceWeight dw = uploadWeight(*ctx, wBuf, t, raw, rows, cols);
        const uint32_t xStride = (dw.layout.paddedCols + 7) & ~7u, yStride = rows + 3;
        std::vector<float> x(size_t(tokens) * xStride, 0.f), y0 = randomFloats(size_t(tokens) * yStride, rng);
        for (int k = 0; k < tokens; ++k)
            for (int c = 0; c < cols; ++c)
                x[k * xStride + c] = std::uniform_real_distribution<float>(-1, 1)(rng);
        vk::Buffer xBuf = upload(*ctx, x), yBuf = upload(*ctx, y0);
        runOnce(*ctx, [&](VkCommandBuffer cb) {
            kernels->matvec(cb, dw, xBuf.ref(), xStride, yBuf.ref(), yStride, tokens, accumulate);
        });
        const auto y = download(*ctx, yBuf, y0.size());
        double worst = 0;
        for (int k = 0; k < tokens; ++k)
            for (int r = 0; r < rows; ++r) {
                double ref = accumulate ? y0[k * yStride + r] : 0.0, mag = 1e-6;
                for (int c = 0; c < cols; ++c) {
                    ref += double(w[size_t(r) * cols + c]) * x[k * xStride + c];
                    mag += std::fabs(double(w[size_t(r) * cols + c]) * x[k * xStride + c]);
                }
                worst = std::max(worst, std::fabs(y[k * yStride + r] - ref) / mag);
            }
        for (int k = 0; k < tokens; ++k) // the padding between rows of y is left alone
            for (uint32_t r = rows; r < yStride; ++r)
                QCOMPARE(y[k * yStride + r], y0[k * yStride + r]);
        QVERIFY2(worst < 1e-5, qPrintable(QString("relative error %1").arg(worst)));
        ctx->destroy(wBuf), ctx->destroy(xBuf), ctx->destroy(yBuf);
    }

    void embed_data() {
        QTest::addColumn<int>("type");
        for (TensorType t : kTypes)
            QTest::newRow(vk::kernelSuffix(t)) << int(t);
    }
    void embed() {
        QFETCH(int, type);
        const auto t = static_cast<TensorType>(type);
        const uint32_t unit = typeSize(t).blockElements, rows = 23, cols = unit == 1 ? 44 : 2 * unit;
        std::mt19937 rng(type + 7);
        const auto raw = randomTensor(t, rows, cols, rng);
        const auto w = dequantize(t, raw, rows, cols);
        vk::Buffer wBuf;
        const vk::DeviceWeight dw = uploadWeight(*ctx, wBuf, t, raw, rows, cols);
        const std::vector<uint32_t> tokens = {5, 0, 22, 5, 9};
        vk::StepHeader header{};
        header.n = static_cast<uint32_t>(tokens.size());
        vk::Buffer step =
            ctx->createBuffer(sizeof header + 4 * tokens.size(), vk::MemoryKind::Readback, "step");
        ctx->write(step, 0, &header, sizeof header);
        ctx->write(step, sizeof header, tokens.data(), 4 * tokens.size());
        const uint32_t yStride = dw.layout.paddedCols + 8;
        vk::Buffer yBuf = upload(*ctx, {}, tokens.size() * yStride);
        runOnce(*ctx, [&](VkCommandBuffer cb) {
            kernels->embed(cb, dw, step.ref(vk::kStepOffset), yBuf.ref(), yStride,
                           static_cast<uint32_t>(tokens.size()));
        });
        const auto y = download(*ctx, yBuf, tokens.size() * yStride);
        for (size_t k = 0; k < tokens.size(); ++k)
            for (uint32_t c = 0; c < cols; ++c)
                QCOMPARE(y[k * yStride + c], w[tokens[k] * cols + c]);
        ctx->destroy(wBuf), ctx->destroy(step), ctx->destroy(yBuf);
    }
};

QTEST_GUILESS_MAIN(TestVulkanMatvec)
#include "tst_vulkan_matvec.moc"
