// Architectures beyond the llama layout on Vulkan against the reference backend: Gemma 2
// (soft-capped scores and logits, post-norms, GeGLU, scaled embeddings), Gemma 3 (q/k norms, 5:1
// local/global layers with two RoPE bases), EXAONE 4 (post-norms only, hybrid windows with NoPE
// global layers) and Phi-3's sliding window, with windows shorter than
// the prompt, head sizes 64/128/256 and several GQA ratios; normalized max error < 2e-3 and the same
// greedy tokens. Runs under the validation layer like every Vulkan test.
#include "model_compare.h"
#include "support/synthetic_model.h"

#include "backend/vulkan/instance.h"
#include "sosoik/model.h"
#include "sosoik/session.h"

#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;
using gguf::TensorType;
using vktest::greedy;
using vktest::kTolerance;
using vktest::normalizedError;

namespace {

LoadOptions on(BackendKind kind) {
    LoadOptions o;
    o.backend = kind;
    return o;
}

} // namespace

class TestVulkanArchitectures : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void cleanupTestCase() { QCOMPARE(vk::Instance::validationMessageCount(), uint64_t(0)); }

    // Gemma 2/3 and Phi-3 with sliding windows shorter than the prompt, soft-caps, GeGLU, post-norms,
    // per-layer RoPE bases; head sizes 64/128/256 and GQA ratios. A 300-token prompt makes the
    // replayed token step split the cache (256 positions per split), so windowed layers see empty
    // splits.
    void windowedArchitecturesMatchReference_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("nLayer");
        QTest::addColumn<int>("nHead");
        QTest::addColumn<int>("nHeadKv");
        QTest::addColumn<int>("headDim");
        QTest::addColumn<int>("window");
        QTest::addColumn<int>("promptLength");
        QTest::addColumn<QByteArray>("fuse");
        QTest::newRow("gemma2 F16 hd64 gqa2 window 5")
            << "gemma2" << int(TensorType::F16) << 2 << 4 << 2 << 64 << 5 << 24 << QByteArray();
        QTest::newRow("gemma2 Q8_0 hd128 gqa4 window 7 fused")
            << "gemma2" << int(TensorType::Q8_0) << 2 << 4 << 1 << 128 << 7 << 24 << QByteArray("1");
        QTest::newRow("gemma3 F32 hd256 gqa2 window 6")
            << "gemma3" << int(TensorType::F32) << 6 << 2 << 1 << 256 << 6 << 24 << QByteArray();
        QTest::newRow("gemma3 Q4_0 hd64 gqa4 window 4 tiled")
            << "gemma3" << int(TensorType::Q4_0) << 7 << 8 << 2 << 64 << 4 << 24 << QByteArray("tiled");
        QTest::newRow("gemma3 F16 hd128 window 9, 300-token prompt")
            << "gemma3" << int(TensorType::F16) << 6 << 4 << 2 << 128 << 9 << 300 << QByteArray();
        QTest::newRow("exaone4 F16 hd64 gqa2 hybrid window 5")
            << "exaone4" << int(TensorType::F16) << 4 << 4 << 2 << 64 << 5 << 24 << QByteArray();
        QTest::newRow("exaone4 Q8_0 hd128 gqa4 hybrid window 6 fused")
            << "exaone4" << int(TensorType::Q8_0) << 4 << 4 << 1 << 128 << 6 << 24 << QByteArray("1");
        QTest::newRow("exaone4 F32 hd256 no window (all global, rotated)")
            << "exaone4" << int(TensorType::F32) << 2 << 2 << 2 << 256 << 0 << 24 << QByteArray();
        QTest::newRow("phi3 F16 hd64 window 5")
            << "phi3" << int(TensorType::F16) << 2 << 4 << 4 << 64 << 5 << 24 << QByteArray();
    }
    void windowedArchitecturesMatchReference() {
        QFETCH(QString, arch);
        QFETCH(int, type);
        QFETCH(int, nLayer);
        QFETCH(int, nHead);
        QFETCH(int, nHeadKv);
        QFETCH(int, headDim);
        QFETCH(int, window);
        QFETCH(int, promptLength);
        QFETCH(QByteArray, fuse);
        if (fuse == "tiled")
            qputenv("SOSOIK_VK_MATMUL", "tiled");
        else if (!fuse.isEmpty())
            qputenv("SOSOIK_VK_FUSE", fuse);
        auto unsetEnv = qScopeGuard([] {
            qunsetenv("SOSOIK_VK_FUSE");
            qunsetenv("SOSOIK_VK_MATMUL");
        });
        test::SyntheticModelSpec spec;
        spec.architecture = arch.toStdString();
        spec.weightType = spec.embeddingType = static_cast<TensorType>(type);
        spec.nLayer = nLayer;
        spec.nHead = nHead;
        spec.nHeadKv = nHeadKv;
        spec.headDim = headDim;
        spec.slidingWindow = window;
        spec.contextLength = 512;
        spec.tiedOutput = arch.startsWith("gemma");
        spec.attnSoftCap = arch == "gemma2" ? 3.f : 0.f;
        spec.finalSoftCap = arch == "gemma2" ? 8.f : 0.f;
        spec.ropeFreqBase = arch == "gemma3" ? 1e6f : 10000.f;
        spec.ropeLinearFactor = arch == "gemma3" ? 8.f : 0.f;
        spec.rmsNormEps = 1e-6f;
        spec.seed = static_cast<uint64_t>(type * 13 + headDim + window);
        const std::string path =
            dir.filePath(QString("w%1.gguf").arg(QTest::currentDataTag()).replace(' ', '_')).toStdString();
        test::writeSyntheticModel(spec, path);
        auto ref = Model::load(path, on(BackendKind::Reference));
        auto gpu = Model::load(path, on(BackendKind::Vulkan));
        std::vector<int32_t> prompt(promptLength);
        for (size_t i = 0; i < prompt.size(); ++i)
            prompt[i] = static_cast<int32_t>((i * 53 + 1) % spec.nVocab);
        auto refSession = Session::create(*ref, 320), gpuSession = Session::create(*gpu, 320);
        const auto want = refSession->decode(prompt, true), got = gpuSession->decode(prompt, true);
        QCOMPARE(got.size(), want.size());
        double err = normalizedError(got, want);
        qInfo("normalized max error %.2e", err);
        QVERIFY2(err < kTolerance, qPrintable(QString("normalized max error %1").arg(err)));
        for (int32_t next : {7, 300, 42}) { // replayed token steps beyond the window
            const auto want1 = refSession->decode(std::span<const int32_t>(&next, 1));
            const auto got1 = gpuSession->decode(std::span<const int32_t>(&next, 1));
            err = normalizedError(got1, want1);
            QVERIFY2(err < kTolerance, qPrintable(QString("token step: normalized max error %1").arg(err)));
        }
        QCOMPARE(greedy(*gpu, {1, 50, 60, 70, 80, 90, 100, 110}, 12),
                 greedy(*ref, {1, 50, 60, 70, 80, 90, 100, 110}, 12));
    }
};

QTEST_GUILESS_MAIN(TestVulkanArchitectures)
#include "tst_vulkan_architectures.moc"
