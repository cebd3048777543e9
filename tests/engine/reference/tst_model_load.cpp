// Model::load and inspectModel: info fields, and every mismatch between metadata and tensors
// refused with a message naming the key or tensor.
#include "backend/backend_registry.h"
#include "backend/reference/reference_backend.h"
#include "model/architecture.h"
#include "model_loader.h"
#include "sosoik/model.h"
#include "support/synthetic_model.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;
using namespace sosoik::test;
using gguf::TensorType;

namespace {

LoadOptions reference() {
    LoadOptions o;
    o.backend = BackendKind::Reference;
    return o;
}

} // namespace

class TestModelLoad : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path(const char* name) { return (dir_.path() + "/" + name).toStdString(); }

    // Loads the image and returns the error message (empty if it loaded).
    QString loadError(const GgufWriter& w) {
        const std::string p = path("bad.gguf");
        w.save(p);
        try {
            Model::load(p, reference());
        } catch (const Error& e) {
            return QString::fromStdString(e.what());
        }
        return {};
    }

private slots:
    void infoDescribesTheModel() {
        SyntheticModelSpec s;
        s.weightType = TensorType::Q8_0;
        s.nLayer = 3;
        s.contextLength = 512;
        const std::string p = path("ok.gguf");
        writeSyntheticModel(s, p);
        std::vector<float> progress;
        LoadOptions o = reference();
        o.progress = [&](float f) { progress.push_back(f); };
        auto model = Model::load(p, o);
        const ModelInfo& i = model->info();
        QCOMPARE(i.architecture, std::string("llama"));
        QCOMPARE(i.name, std::string("synthetic-llama"));
        QCOMPARE(i.blockCount, 3);
        QCOMPARE(i.embeddingLength, 64);
        QCOMPARE(i.headCount, 4);
        QCOMPARE(i.headCountKv, 2);
        QCOMPARE(i.feedForwardLength, 96);
        QCOMPARE(i.vocabSize, 320);
        QCOMPARE(i.contextLength, 512);
        QCOMPARE(i.tokenizerKind, std::string("llama"));
        QVERIFY(!i.hasChatTemplate);
        QCOMPARE(i.backendName, std::string("reference"));
        // Per layer: 7 Q8_0 matrices + 2 F32 norms; plus embedding (F32), output (Q8_0), output norm (F32).
        QCOMPARE(i.tensorTypeCounts.at("Q8_0"), 3 * 7 + 1);
        QCOMPARE(i.tensorTypeCounts.at("F32"), 3 * 2 + 2);
        const uint64_t perLayer = 64 * 64 + 2 * 64 * 32 + 64 * 64 + 3 * 64 * 96 + 2 * 64;
        QCOMPARE(i.parameterCount, uint64_t(3 * perLayer + 2 * 320 * 64 + 64));
        QCOMPARE(i.dominantType, std::string("Q8_0"));
        QCOMPARE(progress.front(), 0.f);
        QCOMPARE(progress.back(), 1.f);

        const ModelInfo inspected = inspectModel(p);
        QCOMPARE(inspected.parameterCount, i.parameterCount);
        QCOMPARE(inspected.blockCount, 3);
        QCOMPARE(inspected.tensorTypeCounts, i.tensorTypeCounts);
    }

    void tiedOutputUsesTheEmbedding() {
        SyntheticModelSpec s;
        s.tiedOutput = true;
        writeSyntheticModel(s, path("tied.gguf"));
        auto model = LoadedModel::open(path("tied.gguf"), reference());
        QCOMPARE(model->weights().output, model->weights().tokenEmbd);
        QVERIFY(model->weights().ropeFreqs == nullptr);
        s.tiedOutput = false;
        s.ropeFreqs = true;
        writeSyntheticModel(s, path("untied.gguf"));
        auto untied = LoadedModel::open(path("untied.gguf"), reference());
        QVERIFY(untied->weights().output != untied->weights().tokenEmbd);
        QCOMPARE(untied->weights().ropeFreqs->name, std::string("rope_freqs.weight"));
    }

    void qwen2HasBiasesAndNeox() {
        SyntheticModelSpec s;
        s.architecture = "qwen2";
        writeSyntheticModel(s, path("qwen.gguf"));
        auto model = LoadedModel::open(path("qwen.gguf"), reference());
        QVERIFY(model->hparams().hasQkvBias);
        QCOMPARE(model->hparams().ropeLayout, model::RopeLayout::Neox);
        QCOMPARE(model->weights().layers[1].bk->name, std::string("blk.1.attn_k.bias"));
        QCOMPARE(model->hparams().rmsNormEps, 1e-5f); // the file's value wins over the default
    }

    void missingTensor() {
        auto w = buildSyntheticModel({});
        w.removeTensor("blk.1.ffn_up.weight");
        QCOMPARE(loadError(w), QString("tensor blk.1.ffn_up.weight is missing"));
        auto q = buildSyntheticModel({.architecture = "qwen2"});
        q.removeTensor("blk.0.attn_v.bias");
        QCOMPARE(loadError(q), QString("tensor blk.0.attn_v.bias is missing"));
    }

    void shapeMismatch() {
        auto w = buildSyntheticModel({});
        w.addTensor("blk.0.attn_k.weight", {64, 64}, TensorType::F32,
                    std::vector<float>(64 * 64)); // MHA shape, GQA model
        const QString err = loadError(w);
        QVERIFY2(err.contains("tensor blk.0.attn_k.weight: shape [64, 64]") &&
                     err.contains("expected [64, 32]"),
                 qPrintable(err));
        auto v = buildSyntheticModel({});
        v.setU32("llama.feed_forward_length", 100);
        QVERIFY2(loadError(v).contains("tensor blk.0.ffn_gate.weight: shape [64, 96]"),
                 qPrintable(loadError(v)));
        auto vocab = buildSyntheticModel({});
        vocab.setStringArray("tokenizer.ggml.tokens", syntheticVocabulary(300));
        QVERIFY2(loadError(vocab).contains("token_embd.weight"), qPrintable(loadError(vocab)));
    }

    void unsupportedTensorType() {
        SyntheticModelSpec s;
        s.nEmbd = 256;
        s.nFf = 256;
        auto big = buildSyntheticModel(s);
        const auto iq2xxs = static_cast<TensorType>(16); // a type no backend computes with
        big.addTensorBytes("blk.1.attn_q.weight", {256, 256}, iq2xxs, std::vector<uint8_t>(66 * 256));
        const QString err2 = loadError(big);
        QVERIFY2(err2.contains("tensor blk.1.attn_q.weight: type IQ2_XXS is not supported"),
                 qPrintable(err2));
    }

    void badHyperParameters() {
        auto arch = buildSyntheticModel({});
        arch.setString("general.architecture", "mamba");
        QVERIFY2(loadError(arch).contains("architecture 'mamba' is not supported (supported: llama, qwen2, "
                                          "qwen3, exaone, phi3, gemma2, gemma3"),
                 qPrintable(loadError(arch)));
        auto noArch = buildSyntheticModel({});
        noArch.removeKey("general.architecture");
        QVERIFY(loadError(noArch).contains("general.architecture is missing"));
        auto missing = buildSyntheticModel({});
        missing.removeKey("llama.block_count");
        QCOMPARE(loadError(missing), QString("metadata llama.block_count is missing"));
        auto zero = buildSyntheticModel({});
        zero.setU32("llama.attention.head_count", 0);
        QVERIFY(loadError(zero).contains("llama.attention.head_count: 0 is out of range"));
        auto kv = buildSyntheticModel({});
        kv.setU32("llama.attention.head_count_kv", 3);
        QVERIFY(loadError(kv).contains("head_count_kv: 3 does not divide"));
        auto huge = buildSyntheticModel({});
        huge.setU64("llama.embedding_length", 1ull << 40);
        QVERIFY(loadError(huge).contains("llama.embedding_length"));
        auto type = buildSyntheticModel({});
        type.setString("llama.block_count", "two");
        QVERIFY(loadError(type).contains("llama.block_count: expected an integer"));
        auto rope = buildSyntheticModel({});
        rope.setU32("llama.rope.dimension_count", 8);
        QVERIFY(loadError(rope).contains("partial rotary"));
        auto scaling = buildSyntheticModel({});
        scaling.setString("llama.rope.scaling.type", "yarn");
        scaling.setF32("llama.rope.scaling.factor", 4.f);
        QVERIFY(loadError(scaling).contains("'yarn' rope scaling is not supported"));
        auto perLayer = buildSyntheticModel({});
        perLayer.setI32Array("llama.attention.head_count_kv", {2, 2});
        QVERIFY(loadError(perLayer).contains("per-layer"));
    }

    // Phi-3: LongRoPE's original length bounds the context Sosoik offers; the sliding window does
    // not (attention slides over it instead, tested in tst_model_forward).
    void phi3ContextStaysWhereItsRopeHolds() {
        SyntheticModelSpec spec;
        spec.architecture = "phi3";
        spec.contextLength = 256;
        auto windowed = buildSyntheticModel(spec);
        windowed.setU32("phi3.attention.sliding_window", 100);
        windowed.save(path("phi3-window.gguf"));
        QCOMPARE(Model::load(path("phi3-window.gguf"), reference())->info().contextLength, 256);
        auto longRope = buildSyntheticModel(spec);
        longRope.setU32("phi3.rope.scaling.original_context_length", 128);
        longRope.setF32("phi3.rope.scaling.attn_factor", 1.19f);
        longRope.save(path("phi3-longrope.gguf"));
        QCOMPARE(Model::load(path("phi3-longrope.gguf"), reference())->info().contextLength, 128);
        longRope.setF32("phi3.rope.scaling.attn_factor", 40.f);
        QVERIFY(loadError(longRope).contains("attn_factor is out of range"));
    }

    void fileErrors() {
        try {
            Model::load(path("does-not-exist.gguf"), reference());
            QFAIL("expected an error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Io);
        }
        QVERIFY_THROWS_EXCEPTION(Error, inspectModel(path("does-not-exist.gguf")));
    }

    void autoFallsBackPastVulkanForShapesItCannotRun() {
        SyntheticModelSpec s;
        s.headDim = 264; // Vulkan's attention kernels stop at head size 256; the CPU backend runs any
        writeSyntheticModel(s, path("wide-heads.gguf"));
        auto model = Model::load(path("wide-heads.gguf")); // Auto
        QVERIFY2(model->info().backendName.rfind("cpu: ", 0) == 0, model->info().backendName.c_str());
        // With any preferred backend registered (Vulkan), the reason it was skipped is reported.
        QCOMPARE(model->info().backendFallbackReason.empty(), backend::backendRegistry().size() == 1);
    }

    // Issue #19: Auto handed a model that did not fit the GPU to the reference backend whatever its size,
    // which then paged its weights from disk for hours. Now it refuses with both sizes in the sentence.
    void autoRefusesAFallbackThatDoesNotFitMemory() {
        SyntheticModelSpec s;
        s.headDim = 264; // only the CPU backends run it, so Auto falls back past Vulkan
        writeSyntheticModel(s, path("wide-heads.gguf"));
        const auto file = gguf::File::open(path("wide-heads.gguf"));
        model::HParams hp;
        model::Weights w;
        const auto& arch = model::architectureOf(*file);
        arch.readHParams(*file, hp);
        arch.bindWeights(*file, hp, w);
        const uint64_t need = backend::referenceBytesNeeded(hp, w);
        uint64_t tensorBytes = 0;
        for (const auto& t : file->tensors())
            tensorBytes += t.bytes;
        QVERIFY2(need > tensorBytes, qPrintable(QString::number(need))); // weights + KV cache + activations
        QVERIFY(need < tensorBytes + (256ull << 20));
        try {
            backend::createBackend(hp, w, LoadOptions{}, nullptr, need - 1);
            QFAIL("a model needing more than the memory budget was loaded");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::OutOfMemory);
            const QString message = QString::fromStdString(e.what());
            QVERIFY2(message.contains("of memory to run on the CPU and this computer has"),
                     qPrintable(message));
            if (backend::backendRegistry().size() > 1)
                QVERIFY2(message.contains("vulkan:"), qPrintable(message));
        }
        const std::string fitted = backend::createBackend(hp, w, LoadOptions{}, nullptr, need)->name();
        QVERIFY2(fitted.rfind("cpu", 0) == 0 || fitted == "reference", fitted.c_str());
        // Asked for by name, the reference backend is not second-guessed.
        QCOMPARE(backend::createBackend(hp, w, reference(), nullptr, 1)->name(), std::string("reference"));
    }

    void backendNames() {
        QCOMPARE(parseBackendKind("reference"), BackendKind::Reference);
        QCOMPARE(parseBackendKind("vulkan"), BackendKind::Vulkan);
        QCOMPARE(parseBackendKind("auto"), BackendKind::Auto);
        QCOMPARE(parseBackendKind("cpu"), BackendKind::Cpu);
        QVERIFY_THROWS_EXCEPTION(Error, parseBackendKind("cuda"));
    }
};

QTEST_GUILESS_MAIN(TestModelLoad)
#include "tst_model_load.moc"
