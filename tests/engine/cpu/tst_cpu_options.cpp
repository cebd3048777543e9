// The CPU backend's LoadOptions as the app sets them (Settings → CPU): cpuFastPrompts really switches prompt
// batches to the 8-bit kernels (the same logits as SOSOIK_CPU_PROMPT=int8, other ones than the default), the
// environment variable still wins over it (benchmarks and tests A/B any caller with it), and the thread count
// reaches the backend alongside it.
#include "support/synthetic_model.h"

#include "backend/cpu/cpu_features.h"
#include "backend/cpu/kernels.h"
#include "backend/cpu/matmul.h"
#include "sosoik/model.h"
#include "sosoik/session.h"

#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;
using gguf::TensorType;

class TestCpuOptions : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    std::string path;

    // The logits of every position of an 8-token prompt (≥ kMinInt8Tokens, so the prompt takes the 8-bit
    // kernels when they are chosen), loaded with these options and SOSOIK_CPU_PROMPT = env ("": unset).
    std::vector<float> promptLogits(bool fastPrompts, const char* env, int threads = 2) {
        if (*env)
            qputenv("SOSOIK_CPU_PROMPT", env);
        else
            qunsetenv("SOSOIK_CPU_PROMPT");
        auto unsetEnv = qScopeGuard([] { qunsetenv("SOSOIK_CPU_PROMPT"); });
        LoadOptions options;
        options.backend = BackendKind::Cpu;
        options.threads = threads;
        options.cpuFastPrompts = fastPrompts;
        auto model = Model::load(path, options);
        auto session = Session::create(*model, 64);
        const std::vector<int32_t> prompt = {1, 50, 60, 70, 80, 90, 100, 110};
        static_assert(8 >= backend::cpu::kMinInt8Tokens);
        return session->decode(prompt, true);
    }

private slots:
    void initTestCase() {
        if (backend::cpu::kernelsFor(backend::cpu::chosenIsa()).q8Tile == nullptr)
            QSKIP("no 8-bit prompt kernels at this SIMD level");
        test::SyntheticModelSpec spec;
        spec.weightType = TensorType::Q4_0;
        path = dir.filePath("q4_0.gguf").toStdString();
        test::writeSyntheticModel(spec, path);
    }

    void fastPromptsTakeTheEightBitKernels() {
        const auto exact = promptLogits(false, "");
        const auto fast = promptLogits(true, "");
        const auto viaEnv = promptLogits(false, "int8");
        QCOMPARE(fast.size(), size_t(8 * 320));
        QVERIFY(fast == viaEnv);                   // the option is the variable's path, bit for bit
        QVERIFY(fast != exact);                    // ... and not the default one
        QVERIFY(promptLogits(false, "") == exact); // nothing left over from the earlier loads
    }

    // SOSOIK_CPU_PROMPT=int or float turns the option off (the A/B switch of docs/PERFORMANCE.md).
    void environmentOverridesTheOption() {
        for (const char* env : {"int", "float"}) {
            const auto asked = promptLogits(true, env);
            QVERIFY2(asked == promptLogits(false, env), env);
            QVERIFY2(asked != promptLogits(true, ""), env);
        }
    }

    void threadsReachTheBackendWithTheOption() {
        LoadOptions options;
        options.backend = BackendKind::Cpu;
        options.threads = 3;
        options.cpuFastPrompts = true;
        auto model = Model::load(path, options);
        QVERIFY2(model->info().backendName.find(", 3 threads") != std::string::npos,
                 model->info().backendName.c_str());
        // The thread count does not change the answer: rows are shared out, each summed alone.
        QVERIFY(promptLogits(true, "", 3) == promptLogits(true, "", 1));
    }
};

QTEST_GUILESS_MAIN(TestCpuOptions)
#include "tst_cpu_options.moc"
