// The non-matmul kernels against the reference backend's ops (backend/reference/ops.h) on
// random inputs of awkward sizes: RMSNorm, per-head q/k RMSNorm (Qwen3),
// RoPE + KV-cache store (both pair layouts, bias, frequency factors, GQA), attention over
// the fp16 cache (one or several splits, single token and causal batches), SwiGLU, argmax.
#include "vk_test_util.h"

#include "backend/reference/ops.h"
#include "backend/vulkan/instance.h"

#include <QTest>

using namespace sosoik;
using namespace sosoik::vktest;

namespace {

std::vector<float> roundTripHalf(std::vector<float> v) {
    for (auto& x : v)
        x = halfToFloat(floatToHalf(x));
    return v;
}

double maxRelError(const std::vector<float>& got, const std::vector<float>& want) {
    double scale = 1e-6, err = 0;
    for (float w : want)
        scale = std::max(scale, double(std::fabs(w)));
    for (size_t i = 0; i < want.size(); ++i)
        err = std::max(err, std::fabs(double(got[i]) - want[i]));
    return err / scale;
}

} // namespace

class TestVulkanOps : public QObject {
    Q_OBJECT
    std::shared_ptr<vk::Context> ctx;
    std::unique_ptr<vk::Kernels> kernels;
    std::unique_ptr<vk::Kernels> gpuShaped; // 256 invocations per norm row, as GPUs run it

    vk::Buffer makeStep(uint32_t pos, uint32_t n, uint32_t nSplit = 1, uint32_t splitLen = 0) {
        vk::StepHeader h{};
        h.pos = pos, h.n = n, h.nSplit = nSplit, h.splitLen = splitLen;
        vk::Buffer b = ctx->createBuffer(sizeof h + 64, vk::MemoryKind::Readback, "step");
        ctx->write(b, 0, &h, sizeof h);
        return b;
    }

private slots:
    void initTestCase() {
        ctx = vk::Context::create();
        kernels = std::make_unique<vk::Kernels>(*ctx);
        vk::KernelOptions wide;
        wide.reduceWorkgroup = 256;
        gpuShaped = std::make_unique<vk::Kernels>(*ctx, wide);
    }
    void cleanupTestCase() {
        kernels.reset();
        gpuShaped.reset();
        ctx.reset();
        QCOMPARE(vk::Instance::validationMessageCount(), uint64_t(0));
    }

    void rmsnorm_data() {
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<bool>("wide");
        QTest::addColumn<bool>("accumulate"); // y += the norm (post-norms joining the residual)
        for (bool wide : {false, true}) {
            const char* shape = wide ? ", 256 per row" : "";
            QTest::addRow("13 x 1%s", shape) << 13 << 1 << wide << false;
            QTest::addRow("288 x 3%s", shape) << 288 << 3 << wide << false;
            QTest::addRow("5000 x 2%s", shape) << 5000 << 2 << wide << false;
            QTest::addRow("288 x 3%s, accumulate", shape) << 288 << 3 << wide << true;
        }
    }
    void rmsnorm() {
        QFETCH(int, cols);
        QFETCH(int, tokens);
        QFETCH(bool, wide);
        QFETCH(bool, accumulate);
        vk::Kernels& k = wide ? *gpuShaped : *kernels;
        std::mt19937 rng(cols);
        const uint32_t stride = cols + 5;
        const auto x = randomFloats(size_t(tokens) * stride, rng, -3, 3), w = randomFloats(cols, rng);
        const auto y0 = accumulate ? randomFloats(size_t(tokens) * stride, rng) : std::vector<float>();
        vk::Buffer xb = upload(*ctx, x), wb = upload(*ctx, w), yb = upload(*ctx, y0, tokens * stride);
        runOnce(*ctx, [&](VkCommandBuffer cb) {
            k.rmsnorm(cb, xb.ref(), stride, wb.ref(), yb.ref(), stride, cols, tokens, 1e-5f, accumulate);
        });
        const auto y = download(*ctx, yb, tokens * stride);
        std::vector<float> want(y.size(), 0.f);
        for (int t = 0; t < tokens; ++t)
            backend::reference::rmsnorm(x.data() + t * stride, w.data(), cols, 1e-5f,
                                        want.data() + t * stride);
        if (accumulate)
            for (size_t i = 0; i < want.size(); ++i)
                want[i] += y0[i];
        QVERIFY(maxRelError(y, want) < 1e-5);
        ctx->destroy(xb), ctx->destroy(wb), ctx->destroy(yb);
    }

    void headRmsnorm_data() {
        QTest::addColumn<int>("headDim");
        QTest::addColumn<int>("nHead");
        QTest::addColumn<int>("nKv");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<bool>("wide");
        for (bool wide : {false, true}) {
            const char* shape = wide ? ", 256 per row" : "";
            QTest::addRow("hd 2, 1 + 1 heads, 1 token%s", shape) << 2 << 1 << 1 << 1 << wide;
            QTest::addRow("hd 24, 6 + 2 heads, 3 tokens%s", shape) << 24 << 6 << 2 << 3 << wide;
            QTest::addRow("hd 128, 16 + 8 heads, 5 tokens%s", shape) << 128 << 16 << 8 << 5 << wide;
            QTest::addRow("hd 256, 4 + 4 heads, 2 tokens%s", shape) << 256 << 4 << 4 << 2 << wide;
        }
    }
    void headRmsnorm() {
        QFETCH(int, headDim);
        QFETCH(int, nHead);
        QFETCH(int, nKv);
        QFETCH(int, tokens);
        QFETCH(bool, wide);
        vk::Kernels& k = wide ? *gpuShaped : *kernels;
        std::mt19937 rng(headDim * 7 + nHead);
        const int hd = headDim, stride = (nHead + 2 * nKv) * hd + 3; // q | k | v, then padding
        const auto x = randomFloats(size_t(tokens) * stride, rng, -3, 3);
        const auto qw = randomFloats(hd, rng, 0.5f, 1.5f), kw = randomFloats(hd, rng, 0.5f, 1.5f);
        vk::Buffer xb = upload(*ctx, x), qb = upload(*ctx, qw), kb = upload(*ctx, kw);
        runOnce(*ctx, [&](VkCommandBuffer cb) {
            k.headRmsnorm(cb, xb.ref(), stride, qb.ref(), kb.ref(), nHead, nKv, hd, tokens, 1e-6f);
        });
        const auto y = download(*ctx, xb, x.size());
        std::vector<float> want = x; // v and the padding stay as they were
        for (int t = 0; t < tokens; ++t)
            for (int h = 0; h < nHead + nKv; ++h) {
                float* head = want.data() + size_t(t) * stride + size_t(h) * hd;
                backend::reference::rmsnorm(head, h < nHead ? qw.data() : kw.data(), hd, 1e-6f, head);
            }
        QVERIFY(maxRelError(y, want) < 1e-5);
        ctx->destroy(xb), ctx->destroy(qb), ctx->destroy(kb);
    }

    void ropeStoreKv_data() {
        QTest::addColumn<bool>("neox");
        QTest::addColumn<bool>("extras"); // QKV bias + frequency factors
        QTest::addColumn<int>("headDim");
        QTest::addColumn<bool>(
            "rotate"); // false: NoPE layers (EXAONE 4's global layers) store q/k as they are
        QTest::newRow("interleaved") << false << false << 8 << true;
        QTest::newRow("neox") << true << false << 8 << true;
        QTest::newRow("interleaved, bias, factors") << false << true << 18 << true;
        QTest::newRow("neox, bias, factors") << true << true << 64 << true;
        QTest::newRow("no rotation, bias") << true << true << 32 << false;
    }
    void ropeStoreKv() {
        QFETCH(bool, neox);
        QFETCH(bool, extras);
        QFETCH(int, headDim);
        QFETCH(bool, rotate);
        const uint32_t nHead = 6, nKv = 2, hd = headDim, n = 3, pos = 37, capacity = 50;
        const uint32_t width = (nHead + 2 * nKv) * hd, stride = width + 4, qStride = nHead * hd + 2;
        std::mt19937 rng(hd + neox);
        const auto qkv = randomFloats(n * stride, rng), bias = randomFloats(width, rng),
                   factors = randomFloats(hd / 2, rng, 1, 8);
        vk::Buffer qkvB = upload(*ctx, qkv), biasB = upload(*ctx, bias), facB = upload(*ctx, factors);
        vk::Buffer qB = upload(*ctx, {}, n * qStride);
        vk::Buffer kB = upload(*ctx, {}, nKv * capacity * hd / 2),
                   vB = upload(*ctx, {}, nKv * capacity * hd / 2);
        vk::Buffer step = makeStep(pos, n);
        vk::RopeArgs a{qkvB.ref(),
                       extras ? biasB.ref() : vk::BufRef{},
                       extras ? facB.ref() : vk::BufRef{},
                       qB.ref(),
                       kB.ref(),
                       vB.ref(),
                       step.ref(vk::kStepOffset),
                       stride,
                       qStride,
                       nHead,
                       nKv,
                       hd,
                       capacity,
                       10000.f,
                       neox};
        a.rotate = rotate;
        runOnce(*ctx, [&](VkCommandBuffer cb) { kernels->ropeStoreKv(cb, a, n); });

        std::vector<float> wantQ(n * qStride, 0.f), wantK(nKv * capacity * hd, 0.f), wantV(wantK.size(), 0.f);
        const auto layout = neox ? model::RopeLayout::Neox : model::RopeLayout::Interleaved;
        for (uint32_t t = 0; t < n; ++t) {
            std::vector<float> row(qkv.begin() + t * stride, qkv.begin() + t * stride + width);
            if (extras)
                for (uint32_t e = 0; e < width; ++e)
                    row[e] += bias[e];
            // The reference rotates q (nHead heads) and k (nKv heads) in place.
            if (rotate)
                backend::reference::rope(row.data(), nHead + nKv, hd, pos + t, 10000.f, layout,
                                         extras ? factors.data() : nullptr);
            std::copy_n(row.begin(), nHead * hd, wantQ.begin() + t * qStride);
            for (uint32_t h = 0; h < nKv; ++h)
                for (uint32_t d = 0; d < hd; ++d) {
                    const size_t c = (size_t(h) * capacity + pos + t) * hd + d;
                    wantK[c] = row[(nHead + h) * hd + d];
                    wantV[c] = row[(nHead + nKv + h) * hd + d];
                }
        }
        auto unpackHalves = [&](const vk::Buffer& b) {
            std::vector<uint16_t> h(nKv * capacity * hd);
            ctx->read(b, 0, h.data(), h.size() * 2);
            std::vector<float> f(h.size());
            for (size_t i = 0; i < h.size(); ++i)
                f[i] = halfToFloat(h[i]);
            return f;
        };
        QVERIFY2(maxRelError(download(*ctx, qB, n * qStride), wantQ) < 1e-4, "rotated q");
        QVERIFY2(maxRelError(unpackHalves(kB), wantK) < 2e-3, "k cache");
        QVERIFY2(maxRelError(unpackHalves(vB), wantV) < 2e-3, "v cache");
        for (auto* b : {&qkvB, &biasB, &facB, &qB, &kB, &vB, &step})
            ctx->destroy(*b);
    }

    void attention_data() {
        QTest::addColumn<int>("headDim");
        QTest::addColumn<int>("pos");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<int>("splits");
        QTest::addColumn<QByteArray>("variant"); // SOSOIK_VK_ATTENTION: both kernels run on any device
        QTest::addColumn<int>("window");         // sliding window (0: none)
        QTest::addColumn<float>("softCap");      // tanh soft-cap of the scores (0: none)
        QTest::newRow("hd 10, 1 token at 0") << 10 << 0 << 1 << 1 << QByteArray("workgroup") << 0 << 0.f;
        QTest::newRow("hd 10, causal batch of 5") << 10 << 3 << 5 << 1 << QByteArray("workgroup") << 0 << 0.f;
        QTest::newRow("hd 10, causal batch of 5, rows")
            << 10 << 3 << 5 << 1 << QByteArray("rows") << 0 << 0.f;
        QTest::newRow("hd 64, batch of 70 at 10, rows")
            << 64 << 10 << 70 << 1 << QByteArray("rows") << 0 << 0.f;
        QTest::newRow("hd 64, 300 positions") << 64 << 299 << 1 << 1 << QByteArray("workgroup") << 0 << 0.f;
        QTest::newRow("hd 64, 300 positions, 3 splits")
            << 64 << 299 << 1 << 3 << QByteArray("workgroup") << 0 << 0.f;
        QTest::newRow("hd 128, 70 positions, 4 splits, 2 tokens")
            << 128 << 69 << 2 << 4 << QByteArray("workgroup") << 0 << 0.f;
        QTest::newRow("hd 64, batch of 40 at 10, window 7, cap 2, rows")
            << 64 << 10 << 40 << 1 << QByteArray("rows") << 7 << 2.f;
        QTest::newRow("hd 64, batch of 9 at 3, window 4, cap 1.5")
            << 64 << 3 << 9 << 1 << QByteArray("workgroup") << 4 << 1.5f;
        QTest::newRow("hd 256, 300 positions, 3 splits, window 90 (empty splits)")
            << 256 << 299 << 1 << 3 << QByteArray("workgroup") << 90 << 0.f;
        QTest::newRow("hd 128, 70 positions, 4 splits, window 3, cap 5")
            << 128 << 69 << 2 << 4 << QByteArray("workgroup") << 3 << 5.f;
    }
    void attention() {
        QFETCH(int, headDim);
        QFETCH(int, pos);
        QFETCH(int, tokens);
        QFETCH(int, splits);
        QFETCH(QByteArray, variant);
        QFETCH(int, window);
        QFETCH(float, softCap);
        qputenv("SOSOIK_VK_ATTENTION", variant);
        vk::Kernels local(*ctx);
        qunsetenv("SOSOIK_VK_ATTENTION");
        const uint32_t nHead = 4, nKv = 2, hd = headDim, capacity = pos + tokens + 3, n = tokens;
        const uint32_t qStride = nHead * hd + 6, oStride = nHead * hd + 2;
        std::mt19937 rng(hd * 7 + pos);
        const auto q = randomFloats(n * qStride, rng, -2, 2);
        const auto k = roundTripHalf(randomFloats(nKv * capacity * hd, rng, -2, 2));
        const auto v = roundTripHalf(randomFloats(k.size(), rng));
        std::vector<uint16_t> kh(k.size()), vh(v.size());
        for (size_t i = 0; i < k.size(); ++i)
            kh[i] = floatToHalf(k[i]), vh[i] = floatToHalf(v[i]);
        vk::Buffer qB = upload(*ctx, q), oB = upload(*ctx, {}, n * oStride);
        vk::Buffer kB = ctx->createBuffer(kh.size() * 2, vk::MemoryKind::Device, "k");
        vk::Buffer vB = ctx->createBuffer(vh.size() * 2, vk::MemoryKind::Device, "v");
        ctx->write(kB, 0, kh.data(), kh.size() * 2);
        ctx->write(vB, 0, vh.data(), vh.size() * 2);
        const uint32_t splitLen = (pos + tokens + splits - 1) / splits;
        vk::Buffer partial = upload(*ctx, {}, n * nHead * splits * (hd + 2));
        vk::Buffer step = makeStep(pos, n, splits, splitLen);
        const float scale = 1.f / std::sqrt(float(hd));
        vk::AttentionArgs a{qB.ref(),
                            kB.ref(),
                            vB.ref(),
                            oB.ref(),
                            partial.ref(),
                            step.ref(vk::kStepOffset),
                            qStride,
                            oStride,
                            nHead,
                            nKv,
                            hd,
                            capacity,
                            scale,
                            uint32_t(window),
                            softCap};
        runOnce(*ctx, [&](VkCommandBuffer cb) {
            local.attention(cb, a, n, splits);
            if (splits > 1) {
                vk::computeBarrier(cb);
                local.attentionCombine(cb, a, n);
            }
        });
        // The reference takes keys as [position][kvHead][dim] rows and contiguous queries.
        const uint32_t keys = pos + n;
        std::vector<float> kRows(size_t(keys) * nKv * hd), vRows(kRows.size()),
            qDense(size_t(n) * nHead * hd), outDense(qDense.size());
        for (uint32_t p = 0; p < keys; ++p)
            for (uint32_t h = 0; h < nKv; ++h)
                for (uint32_t d = 0; d < hd; ++d) {
                    kRows[(size_t(p) * nKv + h) * hd + d] = k[(size_t(h) * capacity + p) * hd + d];
                    vRows[(size_t(p) * nKv + h) * hd + d] = v[(size_t(h) * capacity + p) * hd + d];
                }
        for (uint32_t t = 0; t < n; ++t)
            std::copy_n(q.begin() + t * qStride, nHead * hd, qDense.begin() + t * nHead * hd);
        backend::reference::attentionCausal(qDense.data(), n, pos, kRows.data(), vRows.data(), nHead, nKv, hd,
                                            outDense.data(), 1, {scale, softCap, window});
        std::vector<float> want(n * oStride, 0.f);
        for (uint32_t t = 0; t < n; ++t)
            std::copy_n(outDense.begin() + t * nHead * hd, nHead * hd, want.begin() + t * oStride);
        const double err = maxRelError(download(*ctx, oB, n * oStride), want);
        QVERIFY2(err < 1e-4, qPrintable(QString("relative error %1").arg(err)));
        for (auto* b : {&qB, &oB, &kB, &vB, &partial, &step})
            ctx->destroy(*b);
    }

    void swiglu_data() {
        QTest::addColumn<bool>("gelu");
        QTest::newRow("silu (SwiGLU)") << false;
        QTest::newRow("gelu tanh (GeGLU)") << true;
    }
    void swiglu() {
        QFETCH(bool, gelu);
        const uint32_t nFf = 203, n = 3, guStride = 2 * nFf + 1, yStride = nFf + 5;
        std::mt19937 rng(3);
        auto gu = randomFloats(n * guStride, rng, -4, 4);
        gu[0] = 60.f, gu[1] = -60.f; // GELU's tanh must stay finite far out
        vk::Buffer gB = upload(*ctx, gu), yB = upload(*ctx, {}, n * yStride);
        runOnce(*ctx, [&](VkCommandBuffer cb) {
            kernels->swiglu(cb, gB.ref(), guStride, yB.ref(), yStride, nFf, n, gelu);
        });
        std::vector<float> want(n * yStride, 0.f);
        for (uint32_t t = 0; t < n; ++t)
            (gelu ? backend::reference::geglu : backend::reference::swiglu)(
                gu.data() + t * guStride, gu.data() + t * guStride + nFf, nFf, want.data() + t * yStride);
        QVERIFY(maxRelError(download(*ctx, yB, n * yStride), want) < 1e-5);
        ctx->destroy(gB), ctx->destroy(yB);
    }

    // scale.comp (Gemma's embedding scale) and softcap.comp (Gemma 2's logit soft-cap), in place.
    void scaleAndSoftCap() {
        const uint32_t cols = 301, n = 3, stride = cols + 7;
        std::mt19937 rng(11);
        const auto x = randomFloats(n * stride, rng, -80, 80);
        for (bool cap : {false, true}) {
            vk::Buffer b = upload(*ctx, x);
            runOnce(*ctx,
                    [&](VkCommandBuffer cb) { kernels->scaleRows(cb, b.ref(), stride, cols, n, 30.f, cap); });
            std::vector<float> want = x;
            for (uint32_t t = 0; t < n; ++t) {
                float* row = want.data() + t * stride;
                if (cap)
                    backend::reference::softCap(row, cols, 30.f);
                else
                    for (uint32_t i = 0; i < cols; ++i)
                        row[i] *= 30.f;
            }
            QVERIFY2(maxRelError(download(*ctx, b, n * stride), want) < 1e-5, cap ? "soft-cap" : "scale");
            ctx->destroy(b);
        }
    }

    void argmax_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("at");
        QTest::newRow("5, last") << 5 << 4;
        QTest::newRow("32000, middle") << 32000 << 12345;
        QTest::newRow("49152, first, with a later tie") << 49152 << 0;
    }
    void argmax() {
        QFETCH(int, n);
        QFETCH(int, at);
        std::mt19937 rng(n);
        auto logits = randomFloats(n, rng, -10, 10);
        logits[at] = 50.f;
        if (at == 0) logits[n - 1] = 50.f; // ties resolve to the lowest index, like argmax on the CPU
        vk::Buffer lB = upload(*ctx, logits);
        vk::Buffer result = ctx->createBuffer(16, vk::MemoryKind::Readback, "argmax");
        runOnce(*ctx, [&](VkCommandBuffer cb) { kernels->argmax(cb, lB.ref(), n, result.ref()); });
        uint32_t r[2];
        ctx->read(result, 0, r, 8);
        QCOMPARE(int(r[0]), at);
        float value;
        std::memcpy(&value, &r[1], 4);
        QCOMPARE(value, 50.f);
        ctx->destroy(lB), ctx->destroy(result);
    }
};

QTEST_GUILESS_MAIN(TestVulkanOps)
#include "tst_vulkan_ops.moc"
