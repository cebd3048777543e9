// Matrix × vector(s) and embedding lookup on the GPU against a CPU loop, for every weight
// type, on awkward shapes: one row, row counts that are not multiples of the workgroup's
// rows, long rows, single tokens and token batches that do not fill a pass, with and
// without the fused residual add. Single-token steps run through both kernel families: the
// row-split layout GPUs use and the wide one CPU devices use (matvec_wide.glsl), whatever the
// device is.
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

} // namespace

class TestVulkanMatvec : public QObject {
    Q_OBJECT
    std::shared_ptr<vk::Context> ctx;
    std::unique_ptr<vk::Kernels> kernels, wideKernels;
    vk::Kernels& family(bool wide) { return wide ? *wideKernels : *kernels; }

private slots:
    void initTestCase() {
        ctx = vk::Context::create();
        vk::KernelOptions plain, wide;
        plain.wide = false;
        wide.wide = true;
        kernels = std::make_unique<vk::Kernels>(*ctx, plain);
        wideKernels = std::make_unique<vk::Kernels>(*ctx, wide);
        QVERIFY(!kernels->wide());
        // The wide layout spreads a block's 8 vec4s of x over 8 lanes: devices with smaller subgroups (4 on
        // lavapipe with LP_NATIVE_VECTOR_WIDTH=128, some mobile GPUs) run the row-split one only.
        QCOMPARE(wideKernels->wide(), ctx->caps().subgroupSize >= 8);
    }
    void cleanupTestCase() {
        kernels.reset();
        wideKernels.reset();
        ctx.reset();
        QCOMPARE(vk::Instance::validationMessageCount(), uint64_t(0));
    }

    void matvec_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<bool>("accumulate");
        QTest::addColumn<bool>("wide");
        for (TensorType t : kTypes) {
            const int block = static_cast<int>(typeSize(t).blockElements);
            const int unit = block == 1 ? 1 : block;
            const std::string name(vk::kernelSuffix(t));
            auto add = [&](const char* shape, int rows, int cols, int tokens, bool acc) {
                QTest::newRow((name + " " + shape).c_str())
                    << int(t) << rows << cols << tokens << acc << false;
                if (tokens == 1) // single-token steps: the wide family too
                    QTest::newRow((name + " wide " + shape).c_str())
                        << int(t) << rows << cols << tokens << acc << true;
            };
            add("1 row", 1, unit == 1 ? 24 : unit, 1, false);
            add("37 rows", 37, unit == 1 ? 100 : 3 * unit, 1, true);
            add("ragged batch", 19, unit == 1 ? 45 : 2 * unit, 11, false);
            add("long row", 5, unit == 1 ? 4104 : (unit == 32 ? 4096 : 8192), 3, true);
            // More rows than one subgroup's share of a prompt pass (32 on CPU devices), a partial
            // last group, and tokens spilling into a second pass.
            add("tall batch", 70, unit == 1 ? 40 : unit, 20, true);
            // Several wide subgroups (128 rows each on lavapipe) and a partial last one, many blocks.
            add("tall step", 300, unit == 1 ? 264 : (unit == 32 ? 9 * 32 : 3 * unit), 1, false);
            add("long step", 9, unit == 1 ? 4104 : (unit == 32 ? 4096 : 8192), 1, true);
        }
    }
    void matvec() {
        QFETCH(int, type);
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(int, tokens);
        QFETCH(bool, accumulate);
        QFETCH(bool, wide);
        if (wide && !wideKernels->wide()) QSKIP("the wide layout needs subgroups of 8 lanes or more");
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
            family(wide).matvec(cb, dw, xBuf.ref(), xStride, yBuf.ref(), yStride, tokens, accumulate);
        });
        const auto y = download(*ctx, yBuf, y0.size());
        // The reference backend's matmul on the same (packed, contiguous) inputs.
        std::vector<float> xDense(size_t(tokens) * cols), want(size_t(tokens) * rows);
        for (int k = 0; k < tokens; ++k)
            std::copy_n(x.begin() + k * xStride, cols, xDense.begin() + size_t(k) * cols);
        backend::reference::matmul({t, raw.data(), rows, cols}, xDense.data(), tokens, want.data());
        double worst = 0;
        for (int k = 0; k < tokens; ++k)
            for (int r = 0; r < rows; ++r) {
                const double ref = want[size_t(k) * rows + r] + (accumulate ? y0[k * yStride + r] : 0.0);
                double mag = 1e-6; // error relative to Σ|w·x|, the scale rounding errors grow with
                for (int c = 0; c < cols; ++c)
                    mag += std::fabs(double(w[size_t(r) * cols + c]) * x[k * xStride + c]);
                worst = std::max(worst, std::fabs(y[k * yStride + r] - ref) / mag);
            }
        for (int k = 0; k < tokens; ++k) // the padding between rows of y is left alone
            for (uint32_t r = rows; r < yStride; ++r)
                QCOMPARE(y[k * yStride + r], y0[k * yStride + r]);
        QVERIFY2(worst < 1e-5, qPrintable(QString("relative error %1").arg(worst)));
        ctx->destroy(wBuf), ctx->destroy(xBuf), ctx->destroy(yBuf);
    }

    // The fused input transforms: RMSNorm of x, and SwiGLU of a gate|up row, before the product.
    void fusedInput_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<bool>("wide");
        for (TensorType t : {TensorType::F16, TensorType::Q8_0, TensorType::Q4_K, TensorType::Q4_0})
            for (int mode : {1, 2})
                for (int tokens : {1, 11})
                    for (bool wide : {false, true})
                        if (tokens == 1 || !wide)
                            QTest::newRow(qPrintable(QString("%1 %2 x%3%4")
                                                         .arg(vk::kernelSuffix(t))
                                                         .arg(mode == 1 ? "rmsnorm" : "swiglu")
                                                         .arg(tokens)
                                                         .arg(wide ? " wide" : "")))
                                << int(t) << mode << tokens << wide;
    }
    void fusedInput() {
        QFETCH(int, type);
        QFETCH(int, mode);
        QFETCH(int, tokens);
        QFETCH(bool, wide);
        if (wide && !wideKernels->wide()) QSKIP("the wide layout needs subgroups of 8 lanes or more");
        const auto t = static_cast<TensorType>(type);
        const int rows = wide ? 45 : 21, cols = t == TensorType::Q4_K ? 512 : 96;
        std::mt19937 rng(type * 3 + mode + tokens);
        const auto raw = randomTensor(t, rows, cols, rng);
        vk::Buffer wBuf;
        const vk::DeviceWeight dw = uploadWeight(*ctx, wBuf, t, raw, rows, cols);
        // x rows: [cols] for RMSNorm, [gate cols | up cols] for SwiGLU.
        const uint32_t xStride = mode == 2 ? 2 * cols + 8 : cols + 8;
        const auto x = randomFloats(size_t(tokens) * xStride, rng, -2, 2),
                   norm = randomFloats(cols, rng, 0.5f, 1.5f);
        std::vector<float> dense(size_t(tokens) * cols), want(size_t(tokens) * rows);
        for (int k = 0; k < tokens; ++k) {
            const float* row = x.data() + k * xStride;
            if (mode == 1)
                backend::reference::rmsnorm(row, norm.data(), cols, 1e-5f, dense.data() + k * cols);
            else
                backend::reference::swiglu(row, row + cols, cols, dense.data() + k * cols);
        }
        backend::reference::matmul({t, raw.data(), rows, cols}, dense.data(), tokens, want.data());
        vk::Buffer xBuf = upload(*ctx, x), nBuf = upload(*ctx, norm),
                   yBuf = upload(*ctx, {}, size_t(tokens) * rows);
        vk::MatvecInput in;
        in.mode = mode == 1 ? vk::MatvecInput::RmsNorm : vk::MatvecInput::SwiGlu;
        in.normWeight = nBuf.ref();
        in.normCols = cols;
        in.eps = 1e-5f;
        in.upOffset = cols;
        runOnce(*ctx, [&](VkCommandBuffer cb) {
            family(wide).matvec(cb, dw, xBuf.ref(), xStride, yBuf.ref(), rows, tokens, false, in);
        });
        const auto y = download(*ctx, yBuf, want.size());
        double scale = 1e-6, err = 0;
        for (size_t i = 0; i < want.size(); ++i) {
            scale = std::max(scale, double(std::fabs(want[i])));
            err = std::max(err, double(std::fabs(y[i] - want[i])));
        }
        QVERIFY2(err / scale < 1e-4, qPrintable(QString("normalized error %1").arg(err / scale)));
        ctx->destroy(wBuf), ctx->destroy(xBuf), ctx->destroy(nBuf), ctx->destroy(yBuf);
    }

    void embed_data() {
        QTest::addColumn<int>("type");
        for (TensorType t : kTypes)
            QTest::newRow(vk::kernelSuffix(t)) << int(t);
    }
    // The table is uploaded as two row ranges (as a table too big for one buffer is), and each
    // part fills only the tokens among its rows.
    void embed() {
        QFETCH(int, type);
        const auto t = static_cast<TensorType>(type);
        const uint32_t unit = typeSize(t).blockElements, rows = 23, cols = unit == 1 ? 44 : 2 * unit,
                       split = 11;
        std::mt19937 rng(type + 7);
        const auto raw = randomTensor(t, rows, cols, rng);
        const size_t rowBytes = gguf::rowBytes(t, cols);
        const std::vector<uint8_t> top(raw.begin(), raw.begin() + split * rowBytes),
            bottom(raw.begin() + split * rowBytes, raw.end());
        vk::Buffer topBuf, bottomBuf;
        vk::DeviceWeight parts[2] = {uploadWeight(*ctx, topBuf, t, top, split, cols),
                                     uploadWeight(*ctx, bottomBuf, t, bottom, rows - split, cols)};
        parts[1].rowBegin = split;
        const std::vector<uint32_t> tokens = {5, 0, 22, 5, 11, 10};
        vk::StepHeader header{};
        header.n = static_cast<uint32_t>(tokens.size());
        vk::Buffer step =
            ctx->createBuffer(sizeof header + 4 * tokens.size(), vk::MemoryKind::Readback, "step");
        ctx->write(step, 0, &header, sizeof header);
        ctx->write(step, sizeof header, tokens.data(), 4 * tokens.size());
        const uint32_t yStride = parts[0].layout.paddedCols + 8;
        vk::Buffer yBuf = upload(*ctx, {}, tokens.size() * yStride);
        runOnce(*ctx, [&](VkCommandBuffer cb) {
            for (const auto& part : parts)
                kernels->embed(cb, part, step.ref(vk::kStepOffset), yBuf.ref(), yStride,
                               static_cast<uint32_t>(tokens.size()));
        });
        const auto y = download(*ctx, yBuf, tokens.size() * yStride);
        std::vector<float> want(cols);
        for (size_t k = 0; k < tokens.size(); ++k) {
            backend::reference::embed({t, raw.data(), int(rows), int(cols)}, int32_t(tokens[k]), want.data());
            for (uint32_t c = 0; c < cols; ++c)
                QCOMPARE(y[k * yStride + c], want[c]);
        }
        ctx->destroy(topBuf), ctx->destroy(bottomBuf), ctx->destroy(step), ctx->destroy(yBuf);
    }
};

QTEST_GUILESS_MAIN(TestVulkanMatvec)
#include "tst_vulkan_matvec.moc"
