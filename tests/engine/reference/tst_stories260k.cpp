// Acceptance: the reference backend reproduces stories260K's greedy path and logits exactly
// as an independent float64 llama2.c implementation computed them (../shared/models).
#include "sosoik/model.h"
#include "sosoik/sampler.h"
#include "sosoik/session.h"
#include "support/test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>

using namespace sosoik;

namespace {
struct Expected {
    std::vector<int32_t> greedy;
    std::vector<std::vector<float>> logits; // positions 0..2
    std::vector<int32_t> inputs;
};
Expected readExpected(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s", qPrintable(path));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    Expected e;
    for (const auto& v : o["greedy_next_tokens"].toArray())
        e.greedy.push_back(v.toInt());
    for (const auto& p : o["logits"].toArray()) {
        std::vector<float> row;
        for (const auto& v : p.toObject()["values"].toArray())
            row.push_back(static_cast<float>(v.toDouble()));
        e.logits.push_back(row);
        e.inputs.push_back(p.toObject()["input_token"].toInt());
    }
    return e;
}
float maxDiff(std::span<const float> a, const std::vector<float>& b) {
    float d = 0;
    for (size_t i = 0; i < b.size(); ++i)
        d = std::max(d, std::fabs(a[i] - b[i]));
    return d;
}
LoadOptions referenceOptions() {
    LoadOptions o;
    o.backend = BackendKind::Reference;
    return o;
}
} // namespace

class TestStories260K : public QObject {
    Q_OBJECT
private slots:
    void greedyPathAndLogitsStepByStep() {
        SOSOIK_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        SOSOIK_REQUIRE_SHARED(jsonPath, "models/stories260K.greedy.json");
        const Expected e = readExpected(jsonPath);
        QCOMPARE(e.greedy.size(), size_t(200));
        QCOMPARE(e.logits.size(), size_t(3));
        auto model = Model::load(modelPath.toStdString(), referenceOptions());
        QCOMPARE(model->info().vocabSize, 512);
        QCOMPARE(model->info().backendName, std::string("reference"));
        auto session = Session::create(*model, 512);
        int32_t token = 1;
        for (size_t step = 0; step < e.greedy.size(); ++step) {
            const int32_t in = token;
            const auto logits = session->decode(std::span<const int32_t>(&in, 1));
            QCOMPARE(logits.size(), size_t(512));
            if (step < e.logits.size()) {
                QCOMPARE(e.inputs[step], in);
                const float d = maxDiff(logits, e.logits[step]);
                QVERIFY2(d < 1e-4f,
                         qPrintable(QString("position %1: max logit difference %2").arg(step).arg(d)));
            }
            token = argmax(logits);
            if (token != e.greedy[step])
                QFAIL(qPrintable(
                    QString("step %1: got token %2, expected %3").arg(step).arg(token).arg(e.greedy[step])));
        }
        QCOMPARE(session->position(), 200);
    }

    void batchedDecodeMatchesTheGreedyPath() {
        SOSOIK_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        SOSOIK_REQUIRE_SHARED(jsonPath, "models/stories260K.greedy.json");
        const Expected e = readExpected(jsonPath);
        auto model = Model::load(modelPath.toStdString(), referenceOptions());
        auto session = Session::create(*model, 256);
        std::vector<int32_t> input = {1};
        input.insert(input.end(), e.greedy.begin(), e.greedy.end() - 1);
        const auto logits = session->decode(input, true);
        QCOMPARE(logits.size(), input.size() * 512);
        for (size_t p = 0; p < input.size(); ++p) {
            const std::span<const float> row(logits.data() + p * 512, 512);
            if (p < e.logits.size()) QVERIFY(maxDiff(row, e.logits[p]) < 1e-4f);
            QCOMPARE(argmax(row), e.greedy[p]);
        }
    }
};

QTEST_GUILESS_MAIN(TestStories260K)
#include "tst_stories260k.moc"
