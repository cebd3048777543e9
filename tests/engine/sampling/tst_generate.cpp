// generate() on a synthetic model: greedy equals a manual argmax loop, budgets, stop strings,
// EOS, prefix reuse, streaming completeness and cancellation by the callback.
#include "sosoik/generate.h"
#include "sosoik/model.h"
#include "sosoik/session.h"
#include "sosoik/tokenizer.h"
#include "support/synthetic_model.h"
#include "support/test_support.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;
using namespace sosoik::test;

namespace {

GenerateOptions greedy(int n) {
    GenerateOptions o;
    o.sampler.temperature = 0;
    o.maxNewTokens = n;
    return o;
}

struct Run {
    std::string text;
    std::vector<int32_t> tokens;
    GenerateStats stats;
};
Run run(Model& m, Session& s, const std::vector<int32_t>& prompt, const GenerateOptions& o,
        int stopAfter = -1) {
    Run r;
    r.stats = generate(m, s, prompt, o, [&](const std::string& text, int32_t token) {
        r.text += text;
        if (token >= 0) r.tokens.push_back(token);
        return stopAfter < 0 || static_cast<int>(r.tokens.size()) < stopAfter;
    });
    return r;
}

LoadOptions reference() {
    LoadOptions o;
    o.backend = BackendKind::Reference;
    return o;
}

} // namespace

class TestGenerate : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::string path_;
    std::unique_ptr<Model> model_;
    const std::vector<int32_t> prompt_ = {1, 272, 290, 301};

private slots:
    void initTestCase() {
        SyntheticModelSpec s;
        s.contextLength = 96;
        s.seed = 11;
        path_ = (dir_.path() + "/m.gguf").toStdString();
        writeSyntheticModel(s, path_);
        model_ = Model::load(path_, reference());
    }

    void greedyEqualsArgmaxLoopAndStreamsEverything() {
        auto session = Session::create(*model_);
        const Run r = run(*model_, *session, prompt_, greedy(20));
        QCOMPARE(r.stats.stopReason, std::string("length"));
        QCOMPARE(r.stats.generatedTokens, 20);
        QCOMPARE(r.tokens.size(), size_t(20));
        QCOMPARE(r.stats.promptTokens, 4);
        QCOMPARE(r.stats.reusedTokens, 0);
        auto manual = Session::create(*model_);
        auto logits = manual->decode(prompt_);
        for (int i = 0; i < 20; ++i) {
            const int32_t t = argmax(logits);
            QCOMPARE(r.tokens[i], t);
            logits = manual->decode(std::vector<int32_t>{t});
        }
        // The streamed pieces add up to the decoded sequence.
        QCOMPARE(r.text, model_->tokenizer().decode(r.tokens));
    }

    void prefixIsReused() {
        auto session = Session::create(*model_);
        const Run a = run(*model_, *session, prompt_, greedy(5));
        const Run b = run(*model_, *session, prompt_, greedy(5));
        QCOMPARE(b.stats.reusedTokens, 3); // the last prompt token is always re-evaluated
        QCOMPARE(b.stats.promptTokens, 1);
        QCOMPARE(b.tokens, a.tokens);
        std::vector<int32_t> longer = prompt_;
        longer.insert(longer.end(), a.tokens.begin(), a.tokens.begin() + 3);
        const Run c = run(*model_, *session, longer, greedy(2));
        QCOMPARE(c.stats.reusedTokens, 6); // all 7 are cached; the last is re-evaluated
        QCOMPARE(c.stats.promptTokens, 1);
        QCOMPARE(c.tokens[0], a.tokens[3]);
    }

    void stopStringEndsTheTextBeforeIt() {
        auto session = Session::create(*model_);
        const Run full = run(*model_, *session, prompt_, greedy(30));
        QVERIFY(full.text.size() > 12);
        // A stop string from the middle of the output, starting on a character boundary.
        size_t at = full.text.size() / 2;
        while (at > 0 && (static_cast<unsigned char>(full.text[at]) & 0xC0) == 0x80)
            --at;
        const std::string stop = full.text.substr(at, 3);
        const size_t first = full.text.find(stop);
        GenerateOptions o = greedy(30);
        o.stopStrings = {"never appears \x01", stop};
        const Run r = run(*model_, *session, prompt_, o);
        QCOMPARE(r.stats.stopReason, std::string("stop-string"));
        QCOMPARE(r.text, full.text.substr(0, first));
    }

    void endOfGenerationTokenStops() {
        // Make the model's first greedy choice the EOS id: generation stops before any text.
        auto session = Session::create(*model_);
        const int32_t first = run(*model_, *session, prompt_, greedy(1)).tokens.at(0);
        auto w = buildSyntheticModel([] {
            SyntheticModelSpec s;
            s.contextLength = 96;
            s.seed = 11;
            return s;
        }());
        w.setU32("tokenizer.ggml.eos_token_id", static_cast<uint32_t>(first));
        const std::string p = (dir_.path() + "/eos.gguf").toStdString();
        w.save(p);
        auto m = Model::load(p, reference());
        QVERIFY(m->tokenizer().isEndOfGeneration(first));
        auto s = Session::create(*m);
        const Run r = run(*m, *s, prompt_, greedy(10));
        QCOMPARE(r.stats.stopReason, std::string("eos"));
        QCOMPARE(r.stats.generatedTokens, 0);
        QVERIFY(r.text.empty());
    }

    // Found in the app: a Korean summary cut by its token budget inside a character ended in "툲�" (the
    // character's first bytes, shown as U+FFFD). onText promises complete UTF-8: such bytes are left out.
    void anAnswerCutInsideACharacterEndsBeforeIt() {
        auto session = Session::create(*model_);
        const Run all = run(*model_, *session, prompt_, greedy(80));
        // The first token that is the lead byte of a multi-byte character (byte tokens are ids 3..258).
        int lead = -1;
        for (size_t i = 0; i < all.tokens.size() && lead < 0; ++i)
            if (all.tokens[i] >= 3 + 0xC2 && all.tokens[i] <= 3 + 0xF4) lead = int(i);
        QVERIFY2(lead >= 0, "greedy decoding of the synthetic model emits no lead byte in 80 tokens");
        const Run r = run(*model_, *session, prompt_, greedy(lead + 1)); // the budget ends on that byte
        QCOMPARE(r.stats.stopReason, std::string("length"));
        QCOMPARE(r.tokens.size(), size_t(lead + 1));
        const std::string decoded = model_->tokenizer().decode(r.tokens);
        QCOMPARE(r.text, decoded.substr(0, decoded.size() - 1)); // all but the unfinished character
    }

    void callbackCanStop() {
        auto session = Session::create(*model_);
        const Run r = run(*model_, *session, prompt_, greedy(30), 3);
        QCOMPARE(r.stats.stopReason, std::string("cancelled"));
        QCOMPARE(r.stats.generatedTokens, 3);
    }

    void contextFullAndPromptTooLong() {
        auto session = Session::create(*model_, 8);
        const Run r = run(*model_, *session, prompt_, greedy(30));
        QCOMPARE(r.stats.stopReason, std::string("context-full"));
        QCOMPARE(r.stats.generatedTokens, 5); // positions 4..7 decoded, the 5th token sampled from position 7
        std::vector<int32_t> huge(8, 300);
        QVERIFY_THROWS_EXCEPTION(Error, run(*model_, *session, huge, greedy(1)));
        QVERIFY_THROWS_EXCEPTION(Error, run(*model_, *session, {}, greedy(1)));
    }

    void seededSamplingIsReproducible() {
        GenerateOptions o;
        o.maxNewTokens = 15;
        o.sampler.seed = 99;
        o.sampler.temperature = 1.5f;
        auto s1 = Session::create(*model_);
        auto s2 = Session::create(*model_);
        const Run a = run(*model_, *s1, prompt_, o);
        const Run b = run(*model_, *s2, prompt_, o);
        QCOMPARE(a.tokens, b.tokens);
        o.sampler.seed = 100;
        auto s3 = Session::create(*model_);
        QVERIFY(run(*model_, *s3, prompt_, o).tokens != a.tokens);
    }

    // Issue #13: a long prompt showed nothing for seconds before the first token. generate() now reports
    // prompt processing (tokens done / total) without changing what it generates.
    void promptProgressIsReportedAndChangesNothing() {
        std::vector<int32_t> longPrompt;
        for (int i = 0; i < 80; ++i)
            longPrompt.push_back(1 + (i * 37) % 300);
        auto plain = Session::create(*model_);
        const Run expected = run(*model_, *plain, longPrompt, greedy(6));

        std::vector<std::pair<int, int>> calls;
        GenerateOptions o = greedy(6);
        o.onPromptProgress = [&](int done, int total) { calls.emplace_back(done, total); };
        auto session = Session::create(*model_);
        const Run r = run(*model_, *session, longPrompt, o);
        QCOMPARE(r.tokens, expected.tokens);
        QCOMPARE(r.stats.promptTokens, 80);
        const std::vector<std::pair<int, int>> want = {{0, 80}, {kPromptProgressTokens, 80}, {80, 80}};
        QCOMPARE(calls, want);

        // A continued conversation decodes only what is new: progress counts that.
        calls.clear();
        const Run again = run(*model_, *session, longPrompt, o);
        QCOMPARE(again.tokens, expected.tokens);
        const std::vector<std::pair<int, int>> one = {{0, 1}, {1, 1}};
        QCOMPARE(calls, one);
    }

    void stories260kGreedyText() {
        SOSOIK_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        SOSOIK_REQUIRE_SHARED(textPath, "models/stories260K.greedy.txt");
        QFile f(textPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const std::string expected = f.readAll().toStdString();
        auto m = Model::load(modelPath.toStdString(), reference());
        auto s = Session::create(*m, 512);
        const Run r = run(*m, *s, {1}, greedy(200));
        QCOMPARE(r.stats.generatedTokens, 200);
        QCOMPARE(QString::fromStdString(r.text), QString::fromStdString(expected));
    }
};

QTEST_GUILESS_MAIN(TestGenerate)
#include "tst_generate.moc"
