// End to end: the Vulkan backend's logits match the reference backend on synthetic models of
// every weight type, every architecture (llama: interleaved RoPE; qwen2: NeoX RoPE + QKV
// bias; qwen3: NeoX RoPE + per-head q/k norms; exaone: NeoX RoPE), GQA and MHA, tied and untied output, with
// RoPE frequency factors; the greedy continuation is the same token for token; stories260K follows its known
// greedy path and spells stories260K.greedy.txt. Prompt batches also run through the tiled matmul (forced, as
// GPUs run them) on every weight type and on a prompt longer than one chunk.
//
// tst_vulkan_architectures covers the windowed architectures (Gemma 2/3, Phi-3's window).
//
// Tolerance: max |vulkan − reference| / max |reference| over all logits < 2e-3. The gap comes
// from the fp16 KV cache and a different summation order; everything else is F32.
#include "model_compare.h"
#include "support/synthetic_model.h"
#include "support/test_support.h"

#include "backend/vulkan/instance.h"
#include "backend/vulkan/vulkan_backend_impl.h"
#include "model_loader.h"
#include "sosoik/generate.h"
#include "sosoik/model.h"
#include "sosoik/sampler.h"
#include "sosoik/session.h"
#include "sosoik/tokenizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <set>

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

class TestVulkanBackend : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void cleanupTestCase() { QCOMPARE(vk::Instance::validationMessageCount(), uint64_t(0)); }

    void matchesReference_data() {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("nHeadKv");
        QTest::addColumn<bool>("tied");
        QTest::addColumn<bool>("ropeFreqs");
        QTest::addColumn<bool>("staging"); // uploads through a staging buffer, as on discrete GPUs
        // "1": fused RMSNorm/SwiGLU (GPU default); "split": see below; "tiled": prompt batches
        // through the tiled matmul (the GPU default; lavapipe otherwise runs them as matvecs).
        QTest::addColumn<QByteArray>("fuse");
        QTest::newRow("llama F32 MHA")
            << "llama" << int(TensorType::F32) << 4 << false << false << false << QByteArray();
        QTest::newRow("llama F16 GQA tied")
            << "llama" << int(TensorType::F16) << 2 << true << false << false << QByteArray();
        QTest::newRow("llama BF16 GQA freqs")
            << "llama" << int(TensorType::BF16) << 2 << false << true << false << QByteArray();
        QTest::newRow("llama Q8_0 GQA")
            << "llama" << int(TensorType::Q8_0) << 1 << false << false << false << QByteArray();
        QTest::newRow("llama Q4_0 MHA tied")
            << "llama" << int(TensorType::Q4_0) << 4 << true << false << false << QByteArray();
        QTest::newRow("llama Q4_K GQA")
            << "llama" << int(TensorType::Q4_K) << 2 << false << true << false << QByteArray();
        QTest::newRow("llama Q6_K MHA tied")
            << "llama" << int(TensorType::Q6_K) << 4 << true << false << false << QByteArray();
        QTest::newRow("qwen2 F16 GQA")
            << "qwen2" << int(TensorType::F16) << 2 << false << false << false << QByteArray();
        QTest::newRow("qwen2 Q8_0 MHA tied")
            << "qwen2" << int(TensorType::Q8_0) << 4 << true << false << false << QByteArray();
        QTest::newRow("qwen2 Q4_K GQA tied")
            << "qwen2" << int(TensorType::Q4_K) << 2 << true << false << false << QByteArray();
        QTest::newRow("qwen3 F16 GQA tied")
            << "qwen3" << int(TensorType::F16) << 2 << true << false << false << QByteArray();
        QTest::newRow("qwen3 Q4_0 MHA fused")
            << "qwen3" << int(TensorType::Q4_0) << 4 << false << false << false << QByteArray("1");
        QTest::newRow("phi3 Q8_0 GQA (fused qkv, gate|up)")
            << "phi3" << int(TensorType::Q8_0) << 2 << false << false << false << QByteArray();
        QTest::newRow("phi3 F16 MHA LongRoPE fused")
            << "phi3" << int(TensorType::F16) << 4 << false << false << false << QByteArray("longrope");
        QTest::newRow("exaone Q4_K GQA freqs")
            << "exaone" << int(TensorType::Q4_K) << 2 << false << true << false << QByteArray();
        QTest::newRow("llama Q4_0 GQA staging")
            << "llama" << int(TensorType::Q4_0) << 2 << false << false << true << QByteArray();
        QTest::newRow("llama Q8_0 GQA freqs fused")
            << "llama" << int(TensorType::Q8_0) << 2 << false << true << false << QByteArray("1");
        QTest::newRow("llama F16 GQA tied split")
            << "llama" << int(TensorType::F16) << 2 << true << false << false << QByteArray("split");
        QTest::newRow("qwen2 Q8_0 GQA split")
            << "qwen2" << int(TensorType::Q8_0) << 2 << false << false << false << QByteArray("split");
        QTest::newRow("qwen2 Q6_K MHA fused")
            << "qwen2" << int(TensorType::Q6_K) << 4 << false << false << false << QByteArray("1");
        QTest::newRow("llama F32 MHA tiled")
            << "llama" << int(TensorType::F32) << 4 << false << false << false << QByteArray("tiled");
        QTest::newRow("llama F16 GQA tied tiled")
            << "llama" << int(TensorType::F16) << 2 << true << false << false << QByteArray("tiled");
        QTest::newRow("llama BF16 GQA freqs tiled")
            << "llama" << int(TensorType::BF16) << 2 << false << true << false << QByteArray("tiled");
        QTest::newRow("qwen2 Q8_0 MHA tied tiled")
            << "qwen2" << int(TensorType::Q8_0) << 4 << true << false << false << QByteArray("tiled");
        QTest::newRow("llama F16 GQA freqs linear-scaled RoPE")
            << "llama" << int(TensorType::F16) << 2 << false << true << false << QByteArray("linear");
        QTest::newRow("llama Q4_0 GQA tiled")
            << "llama" << int(TensorType::Q4_0) << 2 << false << false << false << QByteArray("tiled");
        QTest::newRow("qwen2 Q4_K GQA tied tiled")
            << "qwen2" << int(TensorType::Q4_K) << 2 << true << false << false << QByteArray("tiled");
        QTest::newRow("llama Q6_K MHA tied tiled")
            << "llama" << int(TensorType::Q6_K) << 4 << true << false << false << QByteArray("tiled");
        // The legacy, low-bit K and IQ4 types (issue 17), each also through the tiled matmul.
        for (TensorType t : {TensorType::Q4_1, TensorType::Q5_0, TensorType::Q5_1, TensorType::IQ4_NL,
                             TensorType::Q2_K, TensorType::Q3_K, TensorType::Q5_K, TensorType::IQ4_XS}) {
            const std::string name(gguf::typeName(t));
            QTest::newRow(("llama " + name + " GQA").c_str())
                << "llama" << int(t) << 2 << false << false << false << QByteArray();
            QTest::newRow(("qwen2 " + name + " MHA tied tiled").c_str())
                << "qwen2" << int(t) << 4 << true << false << false << QByteArray("tiled");
        }
    }
    void matchesReference() {
        QFETCH(QString, arch);
        QFETCH(int, type);
        QFETCH(int, nHeadKv);
        QFETCH(bool, tied);
        QFETCH(bool, ropeFreqs);
        QFETCH(bool, staging);
        QFETCH(QByteArray, fuse);
        if (staging) qputenv("SOSOIK_VK_FORCE_STAGING", "1");
        // "split": 8 KiB weight arenas, so every matrix (and the embedding table, also used as
        // the tied output) is split by rows across buffers, as beyond maxStorageBufferRange.
        if (fuse == "split")
            qputenv("SOSOIK_VK_ARENA_KB", "8");
        else if (fuse == "tiled")
            qputenv("SOSOIK_VK_MATMUL", "tiled");
        else if (fuse == "longrope")
            qputenv("SOSOIK_VK_FUSE", "1");
        else if (!fuse.isEmpty() && fuse != "linear")
            qputenv("SOSOIK_VK_FUSE", fuse);
        auto unsetEnv = qScopeGuard([] {
            qunsetenv("SOSOIK_VK_FORCE_STAGING");
            qunsetenv("SOSOIK_VK_FUSE");
            qunsetenv("SOSOIK_VK_ARENA_KB");
            qunsetenv("SOSOIK_VK_MATMUL");
        });
        test::SyntheticModelSpec spec;
        spec.architecture = arch.toStdString();
        spec.weightType = spec.embeddingType = static_cast<TensorType>(type);
        const bool kQuant = gguf::traits(spec.weightType).blockElements == 256;
        spec.nEmbd = kQuant ? 256 : 64;
        spec.nFf = kQuant ? 512 : 96;
        spec.nHead = 4;
        spec.nHeadKv = nHeadKv;
        spec.tiedOutput = tied;
        spec.ropeFreqs = ropeFreqs;
        if (fuse == "linear") spec.ropeLinearFactor = 4.f; // linear RoPE scaling
        if (fuse == "longrope") spec.longRopeAttnFactor = 1.19f;
        spec.seed = static_cast<uint64_t>(type * 10 + nHeadKv);
        const std::string path =
            dir.filePath(QString("m%1.gguf").arg(QTest::currentDataTag()).replace(' ', '_')).toStdString();
        test::writeSyntheticModel(spec, path);

        auto ref = Model::load(path, on(BackendKind::Reference));
        auto gpu = Model::load(path, on(BackendKind::Vulkan));
        QVERIFY(gpu->info().backendName.rfind("vulkan", 0) == 0);

        const std::vector<int32_t> prompt = {1, 17, 300, 42, 5, 260, 99, 3, 200};
        auto refSession = Session::create(*ref, 64), gpuSession = Session::create(*gpu, 64);
        const auto want = refSession->decode(prompt, true), got = gpuSession->decode(prompt, true);
        QCOMPARE(got.size(), want.size());
        const double err = normalizedError(got, want);
        qInfo("normalized max error %.2e", err);
        QVERIFY2(err < kTolerance, qPrintable(QString("normalized max error %1").arg(err)));
        // Single-token steps (the replayed command buffer) after the batch.
        const int32_t next = 7;
        const auto want1 = refSession->decode(std::span<const int32_t>(&next, 1));
        const auto got1 = gpuSession->decode(std::span<const int32_t>(&next, 1));
        QVERIFY(normalizedError(got1, want1) < kTolerance);

        QCOMPARE(greedy(*gpu, {1, 50, 60}, 10), greedy(*ref, {1, 50, 60}, 10));
    }

    // A prompt longer than one chunk (128 tokens) through the tiled matmul: several token tiles
    // per chunk and a ragged last chunk, with matrices split across buffers ("split" above).
    void tiledLongPromptMatchesReference_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("split");
        QTest::newRow("F16") << int(TensorType::F16) << false;
        QTest::newRow("Q4_K split") << int(TensorType::Q4_K) << true;
    }
    void tiledLongPromptMatchesReference() {
        QFETCH(int, type);
        QFETCH(bool, split);
        qputenv("SOSOIK_VK_MATMUL", "tiled");
        if (split) qputenv("SOSOIK_VK_ARENA_KB", "64");
        auto unsetEnv = qScopeGuard([] {
            qunsetenv("SOSOIK_VK_MATMUL");
            qunsetenv("SOSOIK_VK_ARENA_KB");
        });
        test::SyntheticModelSpec spec;
        spec.weightType = spec.embeddingType = static_cast<TensorType>(type);
        const bool kQuant = spec.weightType == TensorType::Q4_K;
        spec.nEmbd = kQuant ? 256 : 64;
        spec.nFf = kQuant ? 512 : 96;
        spec.seed = static_cast<uint64_t>(type + 77);
        const std::string path = dir.filePath(QString("long%1.gguf").arg(type)).toStdString();
        test::writeSyntheticModel(spec, path);
        auto ref = Model::load(path, on(BackendKind::Reference));
        auto gpu = Model::load(path, on(BackendKind::Vulkan));
        std::vector<int32_t> prompt(150);
        for (size_t i = 0; i < prompt.size(); ++i)
            prompt[i] = static_cast<int32_t>((i * 37 + 1) % spec.nVocab);
        const auto want = Session::create(*ref, 160)->decode(prompt, true);
        const auto got = Session::create(*gpu, 160)->decode(prompt, true);
        QCOMPARE(got.size(), want.size());
        const double err = normalizedError(got, want);
        qInfo("normalized max error %.2e", err);
        QVERIFY2(err < kTolerance, qPrintable(QString("normalized max error %1").arg(err)));
    }

    // Files like real Q4_K_M / Q5_K_M / Q3_K_M ones: the bulk in Q4_K, Q5_K or Q3_K, the output
    // in Q6_K and a few tensors in Q5_0, Q8_0 and Q6_K (llama.cpp's mixes), so projections mix
    // types.
    void mixedQuantFileMatchesReference_data() {
        QTest::addColumn<int>("bulk");
        QTest::newRow("Q4_K_M") << int(TensorType::Q4_K);
        QTest::newRow("Q5_K_M") << int(TensorType::Q5_K);
        // Q3_K_M files: Q3_K bulk beside the same mix (Q3_K is re-arranged at upload).
        QTest::newRow("Q3_K_M") << int(TensorType::Q3_K);
    }
    void mixedQuantFileMatchesReference() {
        QFETCH(int, bulk);
        test::SyntheticModelSpec spec;
        spec.weightType = spec.embeddingType = static_cast<TensorType>(bulk);
        spec.outputType = TensorType::Q6_K;
        spec.nEmbd = 256;
        spec.nFf = 512;
        spec.nLayer = 3;
        spec.tensorTypes = {
            {"blk.0.attn_v.weight", TensorType::Q6_K}, {"blk.0.ffn_down.weight", TensorType::Q6_K},
            {"blk.1.attn_v.weight", TensorType::Q5_0}, {"blk.1.ffn_down.weight", TensorType::Q8_0},
            {"blk.2.attn_k.weight", TensorType::Q5_0}, {"blk.2.ffn_up.weight", TensorType::Q8_0}};
        spec.seed = static_cast<uint64_t>(bulk + 5);
        const std::string path = dir.filePath(QString("mixed%1.gguf").arg(bulk)).toStdString();
        test::writeSyntheticModel(spec, path);
        auto ref = Model::load(path, on(BackendKind::Reference));
        auto gpu = Model::load(path, on(BackendKind::Vulkan));
        QVERIFY(gpu->info().backendName.rfind("vulkan", 0) == 0);
        const std::vector<int32_t> prompt = {1, 17, 300, 42, 5, 260, 99};
        auto refSession = Session::create(*ref, 64), gpuSession = Session::create(*gpu, 64);
        const double err =
            normalizedError(gpuSession->decode(prompt, true), refSession->decode(prompt, true));
        qInfo("normalized max error %.2e", err);
        QVERIFY2(err < kTolerance, qPrintable(QString("normalized max error %1").arg(err)));
        const int32_t next = 7;
        QVERIFY(normalizedError(gpuSession->decode(std::span<const int32_t>(&next, 1)),
                                refSession->decode(std::span<const int32_t>(&next, 1))) < kTolerance);
        QCOMPARE(greedy(*gpu, {1, 50, 60}, 10), greedy(*ref, {1, 50, 60}, 10));
    }

    void stories260kGreedyPath() {
        SOSOIK_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        SOSOIK_REQUIRE_SHARED(jsonPath, "models/stories260K.greedy.json");
        QFile f(jsonPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        std::vector<int32_t> expected;
        for (const auto& v : o["greedy_next_tokens"].toArray())
            expected.push_back(v.toInt());
        QCOMPARE(expected.size(), size_t(200));

        auto model = Model::load(modelPath.toStdString(), on(BackendKind::Vulkan));
        auto session = Session::create(*model, 256);
        int32_t token = 1;
        for (size_t step = 0; step < expected.size(); ++step) {
            const auto logits = session->decode(std::span<const int32_t>(&token, 1));
            token = argmax(logits);
            if (token != expected[step])
                QFAIL(qPrintable(
                    QString("step %1: got %2, expected %3").arg(step).arg(token).arg(expected[step])));
        }
        // And the text those tokens spell is llama2.c's reference story.
        SOSOIK_REQUIRE_SHARED(textPath, "models/stories260K.greedy.txt");
        QFile text(textPath);
        QVERIFY(text.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromStdString(model->tokenizer().decode(expected)),
                 QString::fromUtf8(text.readAll()));
        // The same path as one batch with every position's logits.
        auto batch = Session::create(*model, 256);
        std::vector<int32_t> input = {1};
        input.insert(input.end(), expected.begin(), expected.end() - 1);
        const auto logits = batch->decode(input, true);
        for (size_t p = 0; p < input.size(); ++p)
            QCOMPARE(argmax(std::span<const float>(logits.data() + p * 512, 512)), expected[p]);
    }

    void loadingReportsProgressAndSamplingCandidatesComeFromTheGpu() {
        test::SyntheticModelSpec spec;
        spec.weightType = spec.embeddingType = TensorType::Q8_0;
        const std::string path = dir.filePath("progress.gguf").toStdString();
        test::writeSyntheticModel(spec, path);
        std::vector<float> seen;
        LoadOptions o = on(BackendKind::Vulkan);
        o.progress = [&](float f) { seen.push_back(f); };
        qputenv("SOSOIK_VK_SELECT", "device"); // CPU devices pick top-k on the host by default
        auto model = Model::load(path, o);
        qunsetenv("SOSOIK_VK_SELECT");
        QVERIFY(seen.size() > 3);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.back(), 1.f);

        auto& loaded = dynamic_cast<LoadedModel&>(*model);
        auto* backend = dynamic_cast<vk::VulkanBackend*>(&loaded.backend());
        QVERIFY(backend);
        auto cache = backend->createCache(32);
        std::vector<float> logits(spec.nVocab);
        const std::vector<int32_t> prompt = {1, 20, 30};
        backend->forward(*cache, prompt, 0, logits, false, nullptr);
        // The same step again with the pick on the GPU: greedy, then top-k with penalised ids.
        CandidateRequest greedyPick;
        greedyPick.topK = 1;
        auto c = backend->forwardCandidates(*cache, prompt, 0, greedyPick, spec.nVocab, nullptr);
        QCOMPARE(c.ids, std::vector<int32_t>{argmax(logits)});
        CandidateRequest topK;
        topK.topK = 50;
        topK.extraIds = {20, 30, 1};
        c = backend->forwardCandidates(*cache, prompt, 0, topK, spec.nVocab, nullptr);
        const Candidates want = selectCandidates(logits, topK);
        QCOMPARE(c.ids, want.ids);
        QCOMPARE(c.logits, want.logits);
        QCOMPARE(c.extraLogits, want.extraLogits);
        const int32_t next = c.ids.front();
        // A request beyond what the GPU selects falls back to the full logits on the CPU.
        CandidateRequest wide;
        wide.topK = 1000;
        const auto all = backend->forwardCandidates(*cache, std::span<const int32_t>(&next, 1), 3, wide,
                                                    spec.nVocab, nullptr);
        QCOMPARE(all.ids.size(), size_t(spec.nVocab));
        backend->forward(*cache, std::span<const int32_t>(&next, 1), 3, logits, false, nullptr);
        QCOMPARE(all.ids.front(), argmax(logits));
        backend->forward(*cache, std::span<const int32_t>(&next, 1), 3, {}, false, nullptr); // cache only

        const int32_t bad = spec.nVocab;
        QVERIFY_THROWS_EXCEPTION(
            Error, backend->forward(*cache, std::span<const int32_t>(&bad, 1), 4, logits, false, nullptr));
        QVERIFY_THROWS_EXCEPTION(Error, backend->forward(*cache, prompt, 31, logits, false, nullptr));

        const std::atomic<bool> cancelled{true};
        try {
            backend->forward(*cache, prompt, 4, logits, false, &cancelled);
            QFAIL("a set cancel flag must stop the forward pass");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Cancelled);
        }
    }

    // generate() draws from candidates picked on the GPU; with the same seed it must produce
    // exactly the tokens that the full logits (read back every step) produce.
    void sampledGenerationMatchesTheFullLogitsPath_data() {
        QTest::addColumn<QByteArray>("select");
        QTest::newRow("top-k on the device") << QByteArray("device");
        QTest::newRow("top-k on the host") << QByteArray("host");
    }
    void sampledGenerationMatchesTheFullLogitsPath() {
        QFETCH(QByteArray, select);
        qputenv("SOSOIK_VK_SELECT", select); // read when the backend is created
        test::SyntheticModelSpec spec;
        spec.nVocab = 5000; // two top-k passes on 2048/4096-entry tiles
        const std::string path = dir.filePath("sample.gguf").toStdString();
        test::writeSyntheticModel(spec, path);
        auto gpu = Model::load(path, on(BackendKind::Vulkan));
        qunsetenv("SOSOIK_VK_SELECT");
        GenerateOptions o;
        o.maxNewTokens = 40;
        o.sampler.temperature = 1.5f; // flat enough that the draw is not just the argmax
        o.sampler.repeatPenalty = 1.3f;
        o.sampler.seed = 99;
        std::vector<int32_t> fromGpu;
        auto session = Session::create(*gpu, 64);
        generate(*gpu, *session, {1, 5, 9}, o, [&](const std::string&, int32_t t) {
            if (t >= 0) fromGpu.push_back(t);
            return true;
        });
        QCOMPARE(int(fromGpu.size()), o.maxNewTokens);
        // The same chain by hand on full logits.
        Sampler sampler(o.sampler);
        auto manual = Session::create(*gpu, 64);
        std::vector<int32_t> input = {1, 5, 9}, fromLogits;
        for (int i = 0; i < o.maxNewTokens; ++i) {
            const auto logits = manual->decode(input);
            const int32_t t = sampler.sample(logits, manual->tokens());
            fromLogits.push_back(t);
            input = {t};
        }
        QCOMPARE(fromGpu, fromLogits);
        std::set<int32_t> distinct(fromGpu.begin(), fromGpu.end());
        QVERIFY(distinct.size() > 5); // really sampled, not a greedy loop
    }

    void cancellationStopsBetweenChunksAndKeepsTheCache() {
        test::SyntheticModelSpec spec;
        const std::string path = dir.filePath("cancel.gguf").toStdString();
        test::writeSyntheticModel(spec, path);
        auto gpu = Model::load(path, on(BackendKind::Vulkan)),
             ref = Model::load(path, on(BackendKind::Reference));
        auto session = Session::create(*gpu, 200);
        session->cancel();
        std::vector<int32_t> prompt(150, 5);
        try {
            session->decode(prompt);
            QFAIL("a cancelled session must not decode");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Cancelled);
        }
        QCOMPARE(session->position(), 0);
        session->resetCancel();
        // The session still works, and agrees with the reference afterwards.
        const std::vector<int32_t> tokens = {1, 9, 8, 7};
        const auto got = session->decode(tokens);
        const auto want = Session::create(*ref, 200)->decode(tokens);
        QVERIFY(normalizedError(got, want) < kTolerance);
    }
};

QTEST_GUILESS_MAIN(TestVulkanBackend)
#include "tst_vulkan_backend.moc"
