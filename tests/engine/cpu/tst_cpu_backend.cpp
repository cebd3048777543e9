// End to end: the native CPU backend against the reference backend on synthetic models of every
// weight type and every architecture (windows shorter than the prompt, soft-caps, GeGLU,
// post-norms, q/k norms, biases, fused q|k|v, NeoX RoPE, GQA), at every SIMD level this machine has
// (SOSOIK_CPU_ISA lowers the level): normalized max error ≤ 2e-3 (activations in float or in
// 16-bit blocks; the issue allows 2e-2 for quantized ones), and the same greedy tokens. stories260K
// follows its known greedy path (../shared). Also: Auto's choice, threads, cancellation.
#include "support/synthetic_model.h"
#include "support/test_support.h"
#include "vulkan/model_compare.h"

#include "backend/cpu/cpu_features.h"
#include "backend/cpu/kernels.h"
#include "sosoik/devices.h"
#include "sosoik/error.h"
#include "sosoik/model.h"
#include "sosoik/session.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;
using backend::cpu::Isa;
using gguf::TensorType;
using vktest::greedy;
using vktest::normalizedError;

namespace {

LoadOptions on(BackendKind kind, int threads = 0) {
    LoadOptions o;
    o.backend = kind;
    o.threads = threads;
    return o;
}

const char* isaEnv(int isa) {
    return isa == 0 ? "scalar" : isa == 1 ? "avx2" : "avx512";
}

} // namespace

class TestCpuBackend : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

    // Logits of a prompt (all positions), three token steps and a greedy continuation, CPU vs reference, with
    // each prompt math (SOSOIK_CPU_PROMPT: 16-bit pair groups, float tiles, 8-bit panels).
    void compare(const test::SyntheticModelSpec& spec, int isa, int promptLength) {
        auto unsetEnv = qScopeGuard([] { qunsetenv("SOSOIK_CPU_PROMPT"); });
        for (const char* prompt : {"int", "float", "int8"}) {
            qputenv("SOSOIK_CPU_PROMPT", prompt);
            compareOnce(spec, isa, promptLength);
            if (QTest::currentTestFailed()) return qWarning("with SOSOIK_CPU_PROMPT=%s", prompt);
        }
    }
    void compareOnce(const test::SyntheticModelSpec& spec, int isa, int promptLength) {
        qputenv("SOSOIK_CPU_ISA", isaEnv(isa));
        auto unsetEnv = qScopeGuard([] { qunsetenv("SOSOIK_CPU_ISA"); });
        const std::string path =
            dir.filePath(QString("m%1.gguf").arg(QTest::currentDataTag()).replace(' ', '_')).toStdString();
        test::writeSyntheticModel(spec, path);
        auto ref = Model::load(path, on(BackendKind::Reference));
        auto cpu = Model::load(path, on(BackendKind::Cpu, 2));
        QVERIFY2(cpu->info().backendName.rfind(std::string("cpu: ") + backend::cpu::isaName(Isa(isa)), 0) ==
                     0,
                 cpu->info().backendName.c_str());
        // 16-bit activation blocks keep the float tolerance; 8-bit ones (prompt batches of the types with
        // 8-bit kernels) get the 2e-2 (measured 3e-3..1.5e-2 here; a 6-layer exaone4 model with Q4_0,
        // Q4_K or Q5_0 weights reads 2.0e-2..3.2e-2, docs/PERFORMANCE.md).
        const bool int8 = backend::cpu::chosenPromptInt8() &&
                          backend::cpu::kernelsFor(Isa(isa)).forType(spec.weightType).decodeQ8 != nullptr;
        const double tolerance = int8 ? 2e-2 : 2e-3;
        std::vector<int32_t> prompt(promptLength);
        for (size_t i = 0; i < prompt.size(); ++i)
            prompt[i] = static_cast<int32_t>((i * 53 + 1) % spec.nVocab);
        auto refSession = Session::create(*ref, 320), cpuSession = Session::create(*cpu, 320);
        const auto want = refSession->decode(prompt, true), got = cpuSession->decode(prompt, true);
        QCOMPARE(got.size(), want.size());
        double err = normalizedError(got, want);
        qInfo("normalized max error %.2e (SOSOIK_CPU_PROMPT=%s)", err,
              qgetenv("SOSOIK_CPU_PROMPT").constData());
        QVERIFY2(err < tolerance, qPrintable(QString("normalized max error %1").arg(err)));
        for (int32_t next : {7, 300, 42}) {
            const auto want1 = refSession->decode(std::span<const int32_t>(&next, 1));
            const auto got1 = cpuSession->decode(std::span<const int32_t>(&next, 1));
            err = normalizedError(got1, want1);
            QVERIFY2(err < tolerance, qPrintable(QString("token step: normalized max error %1").arg(err)));
        }
        if (!int8) {
            QCOMPARE(greedy(*cpu, {1, 50, 60, 70, 80, 90, 100, 110}, 12),
                     greedy(*ref, {1, 50, 60, 70, 80, 90, 100, 110}, 12));
            return;
        }
        // 8-bit activations: these random models' top two logits can lie closer than the quantization error
        // (Q5_0: 6.5e-4 of max |logit| apart, against 6.6e-3 error), so an exact greedy match is luck.
        // Instead, along the reference's greedy path, every CPU choice must be within the tolerance of the
        // best.
        auto refGreedy = Session::create(*ref, 64), cpuGreedy = Session::create(*cpu, 64);
        const std::vector<int32_t> start = {1, 50, 60, 70, 80, 90, 100, 110};
        auto wantLogits = refGreedy->decode(start), gotLogits = cpuGreedy->decode(start);
        int same = 0;
        for (int step = 0; step < 12; ++step) {
            const int32_t best = argmax(wantLogits), chosen = argmax(gotLogits);
            double scale = 1e-9;
            for (float v : wantLogits)
                scale = std::max(scale, double(std::fabs(v)));
            QVERIFY2(
                wantLogits[size_t(best)] - wantLogits[size_t(chosen)] <= tolerance * scale,
                qPrintable(QString("step %1: chose %2, the reference %3").arg(step).arg(chosen).arg(best)));
            same += chosen == best;
            wantLogits = refGreedy->decode(std::span<const int32_t>(&best, 1));
            gotLogits = cpuGreedy->decode(std::span<const int32_t>(&best, 1));
        }
        qInfo("greedy: %d of 12 choices the reference's", same);
    }

private slots:
    void everyTypeMatchesReference_data() {
        QTest::addColumn<int>("isa");
        QTest::addColumn<int>("type");
        for (int isa = 0; isa < backend::cpu::kIsaCount; ++isa)
            for (TensorType t : {TensorType::F32, TensorType::F16, TensorType::BF16, TensorType::Q4_0,
                                 TensorType::Q4_1, TensorType::Q5_0, TensorType::Q5_1, TensorType::Q8_0,
                                 TensorType::Q2_K, TensorType::Q3_K, TensorType::Q4_K, TensorType::Q5_K,
                                 TensorType::Q6_K, TensorType::IQ4_NL, TensorType::IQ4_XS})
                QTest::newRow(qPrintable(QString("%1 %2").arg(
                    isaEnv(isa), QString::fromStdString(std::string(gguf::typeName(t))))))
                    << isa << int(t);
    }
    void everyTypeMatchesReference() {
        QFETCH(int, isa);
        QFETCH(int, type);
        if (!backend::cpu::isaSupported(Isa(isa))) QSKIP("this CPU lacks the level");
        test::SyntheticModelSpec spec;
        spec.weightType = spec.embeddingType = static_cast<TensorType>(type);
        const bool kQuant = gguf::traits(spec.weightType).blockElements == 256;
        spec.nEmbd = kQuant ? 256 : 64;
        spec.nFf = kQuant ? 512 : 96;
        spec.seed = static_cast<uint64_t>(type * 10 + 3);
        compare(spec, isa, 9);
    }

    void everyArchitectureMatchesReference_data() {
        QTest::addColumn<int>("isa");
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("nHead");
        QTest::addColumn<int>("nHeadKv");
        QTest::addColumn<int>("headDim");
        QTest::addColumn<int>("window");
        QTest::addColumn<int>("promptLength");
        for (int isa = 0; isa < backend::cpu::kIsaCount; ++isa) {
            const QString i = isaEnv(isa);
            auto row = [&](const char* name, const char* arch, TensorType t, int nHead, int nHeadKv, int hd,
                           int window, int prompt) {
                QTest::newRow(qPrintable(i + " " + name))
                    << isa << QString(arch) << int(t) << nHead << nHeadKv << hd << window << prompt;
            };
            row("llama Q4_K rope_freqs", "llama", TensorType::Q4_K, 4, 2, 64, 0, 24);
            row("qwen2 Q8_0 biases", "qwen2", TensorType::Q8_0, 4, 2, 0, 0, 24);
            row("qwen3 F16 qk-norm", "qwen3", TensorType::F16, 4, 1, 64, 0, 24);
            row("exaone Q4_0 neox", "exaone", TensorType::Q4_0, 4, 4, 0, 0, 24);
            row("phi3 F16 window 5", "phi3", TensorType::F16, 4, 4, 64, 5, 24);
            row("gemma2 Q8_0 hd128 window 7", "gemma2", TensorType::Q8_0, 4, 1, 128, 7, 24);
            row("gemma3 Q4_0 hd256 window 6", "gemma3", TensorType::Q4_0, 2, 1, 256, 6, 24);
            row("gemma3 F16 window 9, 300-token prompt", "gemma3", TensorType::F16, 4, 2, 128, 9, 300);
            row("exaone4 Q6_K hybrid window 5", "exaone4", TensorType::Q6_K, 4, 2, 64, 5, 24);
        }
    }
    void everyArchitectureMatchesReference() {
        QFETCH(int, isa);
        QFETCH(QString, arch);
        QFETCH(int, type);
        QFETCH(int, nHead);
        QFETCH(int, nHeadKv);
        QFETCH(int, headDim);
        QFETCH(int, window);
        QFETCH(int, promptLength);
        if (!backend::cpu::isaSupported(Isa(isa))) QSKIP("this CPU lacks the level");
        test::SyntheticModelSpec spec;
        spec.architecture = arch.toStdString();
        spec.weightType = spec.embeddingType = static_cast<TensorType>(type);
        const bool kQuant = gguf::traits(spec.weightType).blockElements == 256;
        spec.nEmbd = kQuant ? 256 : 64;
        spec.nFf = kQuant ? 512 : 96;
        spec.nHead = nHead;
        spec.nHeadKv = nHeadKv;
        spec.headDim = headDim;
        spec.nLayer = arch.startsWith("gemma3") || arch == "exaone4" ? 6 : 2;
        spec.slidingWindow = window;
        spec.contextLength = 512;
        spec.ropeFreqs = arch == "llama";
        spec.tiedOutput = arch.startsWith("gemma");
        spec.attnSoftCap = arch == "gemma2" ? 3.f : 0.f;
        spec.finalSoftCap = arch == "gemma2" ? 8.f : 0.f;
        spec.ropeFreqBase = arch == "gemma3" ? 1e6f : 10000.f;
        spec.ropeLinearFactor = arch == "gemma3" ? 8.f : 0.f;
        spec.rmsNormEps = 1e-6f;
        spec.seed = static_cast<uint64_t>(type * 13 + headDim + window);
        compare(spec, isa, promptLength);
    }

    // stories260K's greedy path (an independent float64 implementation computed it) at every level.
    void stories260kGreedyPath_data() {
        QTest::addColumn<int>("isa");
        for (int isa = 0; isa < backend::cpu::kIsaCount; ++isa)
            QTest::newRow(isaEnv(isa)) << isa;
    }
    void stories260kGreedyPath() {
        QFETCH(int, isa);
        if (!backend::cpu::isaSupported(Isa(isa))) QSKIP("this CPU lacks the level");
        SOSOIK_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        SOSOIK_REQUIRE_SHARED(jsonPath, "models/stories260K.greedy.json");
        QFile f(jsonPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        std::vector<int32_t> expected;
        for (const auto& v : QJsonDocument::fromJson(f.readAll()).object()["greedy_next_tokens"].toArray())
            expected.push_back(v.toInt());
        QCOMPARE(expected.size(), size_t(200));
        qputenv("SOSOIK_CPU_ISA", isaEnv(isa));
        auto model = Model::load(modelPath.toStdString(), on(BackendKind::Cpu));
        qunsetenv("SOSOIK_CPU_ISA");
        auto session = Session::create(*model, 256);
        int32_t token = 1;
        for (size_t step = 0; step < expected.size(); ++step) {
            const auto logits = session->decode(std::span<const int32_t>(&token, 1));
            token = argmax(logits);
            if (token != expected[step])
                QFAIL(qPrintable(
                    QString("step %1: got %2, expected %3").arg(step).arg(token).arg(expected[step])));
        }
        // The same path as one prompt batch.
        auto batch = Session::create(*model, 256);
        std::vector<int32_t> input = {1};
        input.insert(input.end(), expected.begin(), expected.end() - 1);
        const auto logits = batch->decode(input, true);
        for (size_t p = 0; p < input.size(); ++p)
            QCOMPARE(argmax(std::span<const float>(logits.data() + p * 512, 512)), expected[p]);
    }

    // Auto runs on the CPU backend unless a real GPU is there (lavapipe/llvmpipe computes on the
    // same cores, slower), and says why it skipped Vulkan.
    void autoPrefersCpuBackendOverCpuVulkan() {
        const std::string path = dir.filePath("auto.gguf").toStdString();
        test::writeSyntheticModel({}, path);
        auto model = Model::load(path); // Auto
        const auto devices = listDevices();
        const int preferred = preferredDevice(devices);
        const bool realGpu = preferred >= 0 && devices[size_t(preferred)].type != "cpu";
        const std::string name = model->info().backendName;
        if (realGpu) {
            QVERIFY2(name.rfind("vulkan", 0) == 0, name.c_str());
        } else {
            QVERIFY2(name.rfind("cpu: ", 0) == 0, name.c_str());
            if (preferred >= 0) // a CPU Vulkan device was skipped on purpose, and the reason names it
                QVERIFY2(model->info().backendFallbackReason.find("CPU implementation") != std::string::npos,
                         model->info().backendFallbackReason.c_str());
        }
        // An explicit Vulkan device is kept even when it is a CPU implementation.
        if (preferred >= 0) {
            LoadOptions o;
            o.device = preferred;
            QVERIFY(Model::load(path, o)->info().backendName.rfind("vulkan", 0) == 0);
        }
    }

    // Token steps give the same logits, bit for bit, on 1, 2 and 3 threads: each product row (in 4-row
    // tiles from chunk starts that are multiples of 4), each head's attention and each SwiGLU chunk is
    // computed the same way whichever thread claims it. A chunk lost, done twice or raced over differs.
    void tokenStepsDoNotDependOnThreads_data() {
        QTest::addColumn<int>("type");
        QTest::newRow("F16") << int(TensorType::F16);
        QTest::newRow("Q4_0") << int(TensorType::Q4_0);
        QTest::newRow("Q4_K") << int(TensorType::Q4_K);
    }
    void tokenStepsDoNotDependOnThreads() {
        QFETCH(int, type);
        test::SyntheticModelSpec spec;
        spec.weightType = spec.embeddingType = static_cast<TensorType>(type);
        spec.nEmbd = 256;
        spec.nFf = 768; // several chunks per thread
        spec.nHead = 8;
        spec.nHeadKv = 2;
        spec.seed = 77;
        const std::string path = dir.filePath(QString("threads%1.gguf").arg(type)).toStdString();
        test::writeSyntheticModel(spec, path);
        std::vector<std::vector<float>> runs;
        for (int threads : {1, 2, 3}) {
            auto model = Model::load(path, on(BackendKind::Cpu, threads));
            auto session = Session::create(*model, 64);
            std::vector<float> all;
            for (int32_t token : {1, 80, 200, 33, 7}) {
                const auto logits = session->decode(std::span<const int32_t>(&token, 1));
                all.insert(all.end(), logits.begin(), logits.end());
            }
            runs.push_back(std::move(all));
        }
        QCOMPARE(runs[0].size(), size_t(5 * spec.nVocab));
        QVERIFY(runs[1] == runs[0]);
        QVERIFY(runs[2] == runs[0]);
    }

    void threadsAndNameAndCancel() {
        const std::string path = dir.filePath("threads.gguf").toStdString();
        test::writeSyntheticModel({}, path);
        auto three = Model::load(path, on(BackendKind::Cpu, 3));
        QVERIFY2(three->info().backendName.find(", 3 threads") != std::string::npos,
                 three->info().backendName.c_str());
        auto one = Model::load(path, on(BackendKind::Cpu, 1));
        QVERIFY(one->info().backendName.find(", 1 thread") != std::string::npos);
        auto byDefault = Model::load(path, on(BackendKind::Cpu));
        QVERIFY(byDefault->info().backendName.find(", " + std::to_string(backend::cpu::physicalCores()) +
                                                   " thread") != std::string::npos);
        QCOMPARE(parseBackendKind("cpu"), BackendKind::Cpu);

        auto session = Session::create(*three, 64);
        const std::vector<int32_t> outside = {1, 99999};
        QVERIFY_THROWS_EXCEPTION(Error, session->decode(outside));
        QCOMPARE(session->position(), 0);
        session->cancel();
        try {
            session->decode(std::vector<int32_t>{1, 2, 3});
            QFAIL("a cancelled session decoded");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Cancelled);
        }
        session->resetCancel();
        QCOMPARE(session->decode(std::vector<int32_t>{1, 2, 3}).size(), size_t(320));
    }
};

QTEST_GUILESS_MAIN(TestCpuBackend)
#include "tst_cpu_backend.moc"
