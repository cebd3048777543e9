// The fit estimate (weights + KV cache + scratch against free memory) and the shipped catalog:
// verdicts at the edges, the budget each backend setting compares with, the engine's footprint of a
// real file, and every catalog entry complete, of an architecture this build runs, never fetched.
#include "library/fit_estimate.h"
#include "library/model_catalog.h"

#include "support/synthetic_model.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;
using sosoik::BackendKind;
using sosoik::ModelFootprint;

class TestFitAndCatalog : public QObject {
    Q_OBJECT

    static ModelFootprint footprint() {
        ModelFootprint fp;
        fp.trainedContext = 8192;
        fp.weightBytes = 1000ull << 20;
        fp.kvBytesPerToken = 64ull << 10; // 64 KiB per token: 4096 tokens = 256 MiB
        fp.fixedBytes = 100ull << 20;
        return fp;
    }

private slots:
    void fitsAtTheWantedContext() {
        const FitEstimate e = estimateFit(footprint(), 4096, 1400ull << 20);
        QCOMPARE(e.verdict, Fit::Fits);
        QCOMPARE(e.context, 4096);
        QCOMPARE(e.neededBytes, (1000ull + 256 + 100) << 20);
    }

    void saysWhichShorterContextFits() {
        // 1000 + 100 MiB fixed leaves 100 MiB: 1600 tokens, offered as 1536 (whole 256-token steps).
        const FitEstimate e = estimateFit(footprint(), 4096, 1200ull << 20);
        QCOMPARE(e.verdict, Fit::FitsShorterContext);
        QCOMPARE(e.context, 1536);
        QVERIFY(footprint().bytesFor(e.context) <= e.availableBytes);
        QVERIFY(footprint().bytesFor(e.context + 256) > e.availableBytes);
    }

    void doesNotFitBelowTheShortestUsefulContext() {
        const FitEstimate e = estimateFit(footprint(), 4096, 1100ull << 20); // room for 0 tokens
        QCOMPARE(e.verdict, Fit::DoesNotFit);
        QCOMPARE(estimateFit(footprint(), 4096, 0).verdict, Fit::DoesNotFit);
    }

    void wantedContextIsCappedByTheTrainedOne() {
        const FitEstimate e = estimateFit(footprint(), 32768, 100ull << 30);
        QCOMPARE(e.verdict, Fit::Fits);
        QCOMPARE(e.context, 8192);
    }

    void budgetFollowsTheBackendSetting() {
        sosoik::DeviceInfo gpu;
        gpu.index = 0;
        gpu.name = "Big GPU";
        gpu.type = "discrete";
        gpu.deviceLocalFreeBytes = 6ull << 30;
        sosoik::DeviceInfo cpu;
        cpu.index = 1;
        cpu.name = "llvmpipe";
        cpu.type = "cpu";
        cpu.deviceLocalFreeBytes = 100ull << 30;
        const quint64 ram = 3ull << 30;
        const MemoryBudget autoBudget = memoryBudget("auto", -1, {gpu, cpu}, ram);
        QCOMPARE(autoBudget.backend, BackendKind::Vulkan);
        QCOMPARE(autoBudget.bytes, 6ull << 30);
        QCOMPARE(autoBudget.device, QStringLiteral("Big GPU"));
        // A CPU Vulkan device takes its memory from RAM, whatever heap size it reports.
        const MemoryBudget lavapipe = memoryBudget("vulkan", 1, {gpu, cpu}, ram);
        QCOMPARE(lavapipe.backend, BackendKind::Vulkan);
        QCOMPARE(lavapipe.bytes, ram);
        QCOMPARE(memoryBudget("reference", -1, {gpu, cpu}, ram).backend, BackendKind::Reference);
        QCOMPARE(memoryBudget("reference", -1, {gpu, cpu}, ram).bytes, ram);
        QCOMPARE(memoryBudget("auto", -1, {}, ram).backend, BackendKind::Reference); // no Vulkan at all
        QVERIFY(availableRamBytes() > (16ull << 20)); // this machine reports some
    }

    void engineFootprintOfARealFile() {
        QTemporaryDir dir;
        sosoik::test::SyntheticModelSpec spec;
        spec.nLayer = 3;
        spec.nHead = 4;
        spec.nHeadKv = 2;
        spec.headDim = 32; // not nEmbd / nHead: the footprint must read attention.key_length
        spec.contextLength = 512;
        const std::string path = dir.filePath("m.gguf").toStdString();
        sosoik::test::writeSyntheticModel(spec, path);
        const ModelFootprint vk = sosoik::modelFootprint(path, BackendKind::Vulkan);
        QVERIFY2(vk.unsupportedReason.empty(), vk.unsupportedReason.c_str());
        QCOMPARE(vk.trainedContext, 512);
        // f16 K and V: 2 × layers × kv heads × head dim × 2 bytes, plus the attention partials.
        const quint64 kv = 2ull * 3 * 2 * 32 * 2;
        QVERIFY2(vk.kvBytesPerToken >= kv && vk.kvBytesPerToken <= kv + 8,
                 qPrintable(QString::number(vk.kvBytesPerToken)));
        QVERIFY(vk.weightBytes > 0);
        QVERIFY(vk.fixedBytes >= (64ull << 20)); // the backend's driver overhead is in it
        const ModelFootprint ref = sosoik::modelFootprint(path, BackendKind::Reference);
        QCOMPARE(ref.kvBytesPerToken, 2ull * 3 * 2 * 32 * 4); // f32 cache
        QVERIFY(ref.bytesFor(512) > ref.bytesFor(256));
    }

    void catalogIsCompleteAndRunnable() {
        const ModelCatalog catalog = ModelCatalog::builtIn();
        QVERIFY2(catalog.entries().size() >= 12, "about a dozen recommended models");
        const QStringList runnable{"llama",   "qwen2", "qwen3",  "exaone",
                                   "exaone4", "phi3",  "gemma2", "gemma3"};
        int korean = 0;
        for (const CatalogEntry& e : catalog.entries()) {
            QVERIFY2(runnable.contains(e.architecture), qPrintable(e.id + ": " + e.architecture));
            QVERIFY2(e.approxBytes > 100'000'000 && e.approxBytes < 3'000'000'000, qPrintable(e.id));
            QVERIFY2(e.licenceUrl.startsWith("https://"), qPrintable(e.id));
            QVERIFY2(!e.nonCommercial || e.requiresAcceptance, qPrintable(e.id));
            korean += e.languages.contains("ko");
            // Every catalog model fits a 16 GB machine at 4K context on either backend.
            QCOMPARE(estimateFit(e.footprint(BackendKind::Reference), 4096, 16ull << 30).verdict, Fit::Fits);
        }
        QVERIFY(korean >= 6);
        const CatalogEntry* exaone = catalog.find("exaone-3.5-2.4b-instruct");
        QVERIFY(exaone);
        QVERIFY(exaone->nonCommercial);
        QVERIFY(exaone->requiresAcceptance);
        QCOMPARE(catalog.find("Qwen3-0.6B-Q8_0.gguf")->id, QStringLiteral("qwen3-0.6b"));
        QCOMPARE(exaone->downloadUrl(QUrl("http://127.0.0.1:8080/mirror")).toString(),
                 QStringLiteral(
                     "http://127.0.0.1:8080/mirror/LGAI-EXAONE/EXAONE-3.5-2.4B-Instruct-GGUF/resolve/main/"
                     "EXAONE-3.5-2.4B-Instruct-Q4_K_M.gguf"));
        // Catalog KV sizes follow the published shapes: Qwen2.5-0.5B, 24 layers × 2 KV heads × 64, f16.
        QCOMPARE(catalog.find("qwen2.5-0.5b-instruct")->footprint(BackendKind::Vulkan).kvBytesPerToken,
                 2ull * 24 * 2 * 64 * 2);
    }

    void malformedCatalogsAreRefusedWithAReason() {
        QString error;
        QVERIFY(ModelCatalog::fromJson("{", &error).entries().isEmpty());
        QVERIFY(!error.isEmpty());
        const QByteArray escaping = R"({"models":[{"id":"x","repo":"a/b","file":"../../etc/passwd.gguf",
            "approx_bytes":1,"layers":1,"kv_heads":1,"head_dim":1,"licence":"MIT"}]})";
        QVERIFY(ModelCatalog::fromJson(escaping, &error).entries().isEmpty());
        QVERIFY2(error.contains("incomplete"), qPrintable(error));
        const QByteArray badHash = R"({"models":[{"id":"x","repo":"a/b","file":"x.gguf","sha256":"abc",
            "approx_bytes":1,"layers":1,"kv_heads":1,"head_dim":1,"licence":"MIT"}]})";
        QVERIFY(ModelCatalog::fromJson(badHash, &error).entries().isEmpty());
        QVERIFY2(error.contains("sha256"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestFitAndCatalog)
#include "tst_fit_and_catalog.moc"
