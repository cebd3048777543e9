// sosoik-cli info / run / logits as a subprocess, checked against the engine in-process and
// against the stories260K reference data.
#include "sosoik/chat_template.h"
#include "sosoik/generate.h"
#include "sosoik/model.h"
#include "sosoik/session.h"
#include "sosoik/tokenizer.h"
#include "support/synthetic_model.h"
#include "support/test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace sosoik;
using namespace sosoik::test;

namespace {
struct RawResult {
    int code;
    QByteArray out;
    QString err;
};
// Raw stdout bytes: `run` output is compared byte for byte with the in-process generation.
RawResult runCliRaw(const QStringList& args) {
    QProcess p;
    p.start(cliPath(), args);
    if (!p.waitForFinished(120000)) return {-1, {}, "timeout"};
    return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
}
std::vector<float> readFloats(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QByteArray b = f.readAll();
    std::vector<float> v(static_cast<size_t>(b.size()) / 4);
    std::memcpy(v.data(), b.data(), v.size() * 4);
    return v;
}
LoadOptions reference() {
    LoadOptions o;
    o.backend = BackendKind::Reference;
    return o;
}
} // namespace

class TestCliEngine : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString model_;

private slots:
    void initTestCase() {
        model_ = dir_.path() + "/synthetic.gguf";
        SyntheticModelSpec s;
        s.weightType = gguf::TensorType::Q8_0;
        s.seed = 5;
        writeSyntheticModel(s, model_.toStdString());
    }

    void infoDescribesTheModel() {
        const auto r = runCliRaw({"info", model_});
        QCOMPARE(r.code, 0);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QRegularExpression("architecture:\\s+llama\n")), qPrintable(out));
        QVERIFY(out.contains(QRegularExpression("layers:\\s+2\n")));
        QVERIFY(out.contains(QRegularExpression("heads:\\s+4 \\(kv 2\\)\n")));
        QVERIFY(out.contains(QRegularExpression("context length:\\s+256\n")));
        QVERIFY(out.contains(QRegularExpression("vocabulary:\\s+320\n")));
        QVERIFY(out.contains(QRegularExpression("tokenizer:\\s+llama \\(SentencePiece\\)\n")));
        QVERIFY(out.contains(QRegularExpression("chat template:\\s+no")));
        QVERIFY(out.contains("Q8_0×15") && out.contains("F32×6"));
        QVERIFY(out.contains(QRegularExpression("dominant type:\\s+Q8_0")));
        QVERIFY(out.contains("parameters:"));
        QVERIFY2(out.contains(QRegularExpression("type support: .* Q8_0 \\(vulkan, cpu, reference\\)")),
                 qPrintable(out));
    }

    // A mixed file (Q5_K_M-like: Q5_K, Q6_K output, a Q5_0 and a Q8_0 tensor) with one type no
    // backend runs: info lists every type and which backends run it, and loading on each backend
    // names the tensor and its type.
    void infoAndRunReportUnsupportedTypes() {
        SyntheticModelSpec s;
        s.nEmbd = 256;
        s.nFf = 256;
        s.weightType = gguf::TensorType::Q5_K;
        s.outputType = gguf::TensorType::Q6_K;
        s.tensorTypes = {{"blk.0.attn_v.weight", gguf::TensorType::Q5_0},
                         {"blk.1.ffn_down.weight", gguf::TensorType::Q8_0}};
        auto w = buildSyntheticModel(s);
        w.addTensorBytes("blk.1.attn_q.weight", {256, 256}, static_cast<gguf::TensorType>(16),
                         std::vector<uint8_t>(66 * 256)); // IQ2_XXS
        const QString path = dir_.path() + "/iq2.gguf";
        w.save(path.toStdString());
        auto r = runCliRaw({"info", path});
        QCOMPARE(r.code, 0);
        const QString out = QString::fromUtf8(r.out);
        for (const char* runs :
             {"IQ2_XXS (unsupported)", "Q5_K (vulkan, cpu, reference)", "Q6_K (vulkan, cpu, reference)",
              "Q5_0 (vulkan, cpu, reference)", "Q8_0 (vulkan, cpu, reference)"})
            QVERIFY2(out.contains(runs), qPrintable(QString(runs) + " missing in:\n" + out));
        for (const char* backend : {"reference", "cpu", "vulkan"}) {
            r = runCliRaw({"run", "-m", path, "-p", "hi", "-n", "1", "--backend", backend});
            QVERIFY2(r.code != 0, backend);
            QVERIFY2(r.err.contains("tensor blk.1.attn_q.weight: type IQ2_XXS is not supported"),
                     qPrintable(QString(backend) + ": " + r.err));
        }
    }

    void infoReportsTemplateFamilies() {
        const QString recognized = dir_.path() + "/chatml.gguf";
        SyntheticModelSpec s;
        s.chatTemplate =
            "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] "
            "+ '<|im_end|>' + '\\n'}}{% endfor %}";
        writeSyntheticModel(s, recognized.toStdString());
        auto r = runCliRaw({"info", recognized});
        QVERIFY2(QString(r.out).contains(QRegularExpression("chat template:\\s+yes \\(chatml\\)")),
                 r.out.constData());
        const QString odd = dir_.path() + "/odd.gguf";
        s.chatTemplate = "{{ something nobody has seen }}";
        writeSyntheticModel(s, odd.toStdString());
        r = runCliRaw({"info", odd});
        QVERIFY2(QString(r.out).contains("chat template:   yes (fallback: chatml)\n"), r.out.constData());
    }

    void runChatWrapsThePromptInTheTemplate() {
        const QString path = dir_.path() + "/chat.gguf";
        SyntheticModelSpec s;
        s.chatTemplate =
            "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] "
            "+ '<|im_end|>' + '\\n'}}{% endfor %}";
        writeSyntheticModel(s, path.toStdString());
        auto promptIds = [](const QString& err) {
            std::vector<int32_t> ids;
            const auto m = QRegularExpression("prompt:([ 0-9]*)\n").match(err);
            for (const QString& t : m.captured(1).split(' ', Qt::SkipEmptyParts))
                ids.push_back(t.toInt());
            return ids;
        };
        const auto r = runCliRaw({"run", "-m", path, "-p", "hello there", "--chat", "--system", "be brief",
                                  "-n", "0", "--verbose-prompt", "--backend", "reference"});
        QCOMPARE(r.code, 0);
        auto model = Model::load(path.toStdString(), reference());
        const std::vector<ChatMessage> messages{{"system", "be brief"}, {"user", "hello there"}};
        const auto expected = renderTokens(model->chatTemplate(), model->tokenizer(), messages, true);
        QCOMPARE(promptIds(r.err), expected);
        const std::string text = model->tokenizer().decode(expected);
        QVERIFY2(text.find("<|im_start|>system\nbe brief<|im_end|>") != std::string::npos, text.c_str());
        QVERIFY(text.find("<|im_start|>assistant\n") != std::string::npos);

        const auto plain = runCliRaw({"run", "-m", path, "-p", "hello there", "-n", "0", "--verbose-prompt",
                                      "--backend", "reference"});
        QCOMPARE(plain.code, 0);
        QVERIFY(promptIds(plain.err) != expected);
        QVERIFY(runCliRaw({"run", "-m", path, "--chat", "-n", "0"}).code != 0); // --chat needs -p
    }

    void runPrintsExactlyTheGeneratedText() {
        auto model = Model::load(model_.toStdString(), reference());
        auto session = Session::create(*model);
        GenerateOptions o;
        o.sampler.temperature = 0;
        o.maxNewTokens = 24;
        std::string expected;
        generate(*model, *session, {1, 280, 300}, o, [&](const std::string& t, int32_t) {
            expected += t;
            return true;
        });
        const auto r = runCliRaw({"run", "-m", model_, "--tokens", "1,280,300", "-n", "24", "--temp", "0",
                                  "--backend", "reference"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.toStdString(), expected);
        QVERIFY2(r.err.contains("tok/s") && r.err.contains("stop: length"), qPrintable(r.err));
    }

    void runSeedsAreReproducible() {
        const QStringList base = {"run", "-m", model_, "-n", "24", "--temp", "1.5", "--backend", "reference"};
        const auto a = runCliRaw(base + QStringList{"--seed", "7"});
        const auto b = runCliRaw(base + QStringList{"--seed", "7"});
        const auto c = runCliRaw(base + QStringList{"--seed", "8"});
        QCOMPARE(a.code, 0);
        QCOMPARE(a.out, b.out);
        QVERIFY(a.out != c.out);
    }

    void logitsMatchTheEngine() {
        const QString out = dir_.path() + "/logits.bin";
        const auto r = runCliRaw(
            {"logits", "-m", model_, "--tokens", "1,5,300,17", "--out", out, "--backend", "reference"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.isEmpty());
        const auto got = readFloats(out);
        QCOMPARE(got.size(), size_t(4 * 320));
        auto model = Model::load(model_.toStdString(), reference());
        const auto expected = Session::create(*model)->decode(std::vector<int32_t>{1, 5, 300, 17}, true);
        for (size_t i = 0; i < got.size(); ++i)
            QCOMPARE(got[i], expected[i]);
    }

    void errorsAreReported() {
        auto r = runCliRaw({"run", "-n", "3"});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.startsWith("error: ") && r.err.contains("-m"), qPrintable(r.err));
        r = runCliRaw({"logits", "-m", model_, "--tokens", "1,x", "--out", dir_.path() + "/x.bin"});
        QVERIFY(r.code != 0 && r.err.startsWith("error: --tokens"));
        r = runCliRaw({"run", "-m", model_, "--backend", "cuda"});
        QVERIFY(r.code != 0 && r.err.contains("unknown backend 'cuda'"));
        r = runCliRaw({"run", "-m", model_, "--tokens", "1,99999", "--backend", "reference"});
        QVERIFY2(r.code != 0 && r.err.contains("token id 99999"), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        r = runCliRaw({"info", dir_.path() + "/missing.gguf"});
        QVERIFY(r.code != 0 && r.err.startsWith("error: cannot open"));
        const QString corrupt = dir_.path() + "/corrupt.gguf";
        QFile::copy(model_, corrupt);
        QFile::resize(corrupt, QFileInfo(model_).size() - 100);
        r = runCliRaw({"run", "-m", corrupt, "--backend", "reference"});
        QVERIFY2(r.code != 0 && r.err.contains("past end of file"), qPrintable(r.err));
    }

    void stories260kGreedyRun() {
        SOSOIK_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        SOSOIK_REQUIRE_SHARED(textPath, "models/stories260K.greedy.txt");
        QFile f(textPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto r =
            runCliRaw({"run", "-m", modelPath, "-n", "200", "--temp", "0", "--backend", "reference"});
        QCOMPARE(r.code, 0);
        QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(f.readAll()));
    }

    void stories260kLogits() {
        SOSOIK_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        SOSOIK_REQUIRE_SHARED(jsonPath, "models/stories260K.greedy.json");
        QFile f(jsonPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray expected = QJsonDocument::fromJson(f.readAll()).object()["logits"].toArray();
        QStringList ids;
        for (const auto& p : expected)
            ids << QString::number(p.toObject()["input_token"].toInt());
        const QString out = dir_.path() + "/stories.bin";
        const auto r = runCliRaw(
            {"logits", "-m", modelPath, "--tokens", ids.join(","), "--out", out, "--backend", "reference"});
        QCOMPARE(r.code, 0);
        const auto got = readFloats(out);
        QCOMPARE(got.size(), size_t(3 * 512));
        for (int p = 0; p < 3; ++p) {
            const QJsonArray values = expected[p].toObject()["values"].toArray();
            for (int v = 0; v < 512; ++v)
                QVERIFY(std::fabs(got[size_t(p) * 512 + v] - values[v].toDouble()) < 1e-4);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliEngine)
#include "tst_cli_engine.moc"
