// Sampler: each filter's effect on the distribution, measured by frequency over many draws,
// and reproducibility for a seed.
#include "sosoik/error.h"
#include "sosoik/sampler.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <map>
#include <random>

using namespace sosoik;

namespace {

SamplerParams plain() {
    SamplerParams p;
    p.temperature = 1.f;
    p.topK = 0;
    p.topP = 1.f;
    p.minP = 0.f;
    p.repeatPenalty = 1.f;
    return p;
}

// Logits whose softmax is probs.
std::vector<float> logitsOf(const std::vector<double>& probs) {
    std::vector<float> l;
    for (double p : probs)
        l.push_back(static_cast<float>(std::log(p)));
    return l;
}

std::vector<double> frequencies(const SamplerParams& params, const std::vector<float>& logits,
                                int draws = 40000, const std::vector<int32_t>& history = {}) {
    Sampler s(params);
    std::vector<double> f(logits.size());
    for (int i = 0; i < draws; ++i)
        f[s.sample(logits, history)] += 1.0 / draws;
    return f;
}

void expectClose(const std::vector<double>& got, const std::vector<double>& want, double tol = 0.012) {
    for (size_t i = 0; i < want.size(); ++i)
        QVERIFY2(std::fabs(got[i] - want[i]) < tol,
                 qPrintable(QString("token %1: frequency %2, expected %3").arg(i).arg(got[i]).arg(want[i])));
}

} // namespace

class TestSampler : public QObject {
    Q_OBJECT
private slots:
    void argmaxPicksTheFirstMaximum() {
        const std::vector<float> l = {1, 3, 2, 3};
        QCOMPARE(argmax(l), 1);
        QVERIFY_THROWS_EXCEPTION(Error, argmax(std::span<const float>()));
    }

    void greedyIgnoresEverythingElse() {
        SamplerParams p;
        p.temperature = 0;
        p.repeatPenalty = 5.f;
        Sampler s(p);
        const std::vector<float> l = {0.1f, 2.f, 1.9f};
        const std::vector<int32_t> history = {1, 1, 1};
        for (int i = 0; i < 10; ++i)
            QCOMPARE(s.sample(l, history), 1);
    }

    void temperatureOneFollowsTheSoftmax() {
        expectClose(frequencies(plain(), logitsOf({0.5, 0.3, 0.2})), {0.5, 0.3, 0.2});
    }

    void temperatureSharpensAndFlattens() {
        auto p = plain();
        p.temperature = 0.5f; // p^2 renormalized: .25 .09 .04
        expectClose(frequencies(p, logitsOf({0.5, 0.3, 0.2})), {0.25 / 0.38, 0.09 / 0.38, 0.04 / 0.38});
        p.temperature = 100.f; // nearly uniform
        expectClose(frequencies(p, logitsOf({0.5, 0.3, 0.2})), {1 / 3.0, 1 / 3.0, 1 / 3.0}, 0.015);
    }

    void topK() {
        auto p = plain();
        p.topK = 2;
        expectClose(frequencies(p, logitsOf({0.2, 0.5, 0.3})), {0, 0.625, 0.375});
        p.topK = 1;
        expectClose(frequencies(p, logitsOf({0.2, 0.5, 0.3}), 200), {0, 1, 0}, 1e-9);
    }

    void topP() {
        auto p = plain();
        p.topP = 0.6f; // 0.5 < 0.6, 0.5 + 0.3 >= 0.6: keep two
        expectClose(frequencies(p, logitsOf({0.5, 0.3, 0.2})), {0.625, 0.375, 0});
        p.topP = 0.4f; // the top token alone already covers it
        expectClose(frequencies(p, logitsOf({0.5, 0.3, 0.2}), 200), {1, 0, 0}, 1e-9);
    }

    void minP() {
        auto p = plain();
        p.minP = 0.5f; // keep p >= 0.25
        expectClose(frequencies(p, logitsOf({0.5, 0.3, 0.2})), {0.625, 0.375, 0});
        p.minP = 0.3f; // keep p >= 0.15: all three
        expectClose(frequencies(p, logitsOf({0.5, 0.3, 0.2})), {0.5, 0.3, 0.2});
    }

    void repetitionPenaltyOverTheWindow() {
        auto p = plain();
        p.topK = 1; // deterministic: shows which logit is highest after the penalty
        p.repeatPenalty = 1.1f;
        p.repeatWindow = 2;
        Sampler s(p);
        const std::vector<float> l = {2.0f, 1.9f, -1.f};
        QCOMPARE(s.sample(l, std::vector<int32_t>{0}), 1);       // 2.0 / 1.1 < 1.9
        QCOMPARE(s.sample(l, std::vector<int32_t>{0, 2, 2}), 0); // token 0 is outside the window of 2
        QCOMPARE(s.sample(l, std::vector<int32_t>{}), 0);
        // Negative logits are multiplied (pushed further down), not divided.
        p.topK = 0;
        p.repeatPenalty = 2.f;
        const std::vector<float> neg = {std::log(0.5f), std::log(0.5f)}; // both negative
        const auto f = frequencies(p, neg, 40000, {1});
        // logit' = 2 log 0.5 = log 0.25 -> probabilities 0.5 : 0.25 -> 2/3, 1/3
        expectClose(f, {2.0 / 3, 1.0 / 3});
    }

    void seedsAreReproducible() {
        auto p = plain();
        const auto l = logitsOf({0.25, 0.25, 0.25, 0.25});
        auto run = [&](uint64_t seed) {
            p.seed = seed;
            Sampler s(p);
            std::vector<int32_t> out;
            for (int i = 0; i < 64; ++i)
                out.push_back(s.sample(l, {}));
            return out;
        };
        QCOMPARE(run(42), run(42));
        QVERIFY(run(42) != run(43));
    }

    // Sampling from the candidates of request() must give exactly the token the full logits give,
    // for every filter combination (that is what lets a GPU read back only the candidates).
    void candidatesGiveTheSameTokensAsFullLogits_data() {
        QTest::addColumn<float>("temperature");
        QTest::addColumn<int>("topK");
        QTest::addColumn<float>("topP");
        QTest::addColumn<float>("minP");
        QTest::addColumn<float>("penalty");
        QTest::newRow("greedy") << 0.f << 40 << 0.95f << 0.05f << 1.1f;
        QTest::newRow("defaults") << 0.8f << 40 << 0.95f << 0.05f << 1.1f;
        QTest::newRow("top-k 1") << 1.f << 1 << 1.f << 0.f << 1.f;
        QTest::newRow("strong penalty") << 1.2f << 5 << 1.f << 0.f << 3.f;
        QTest::newRow("penalty below 1 lifts recent tokens") << 1.f << 8 << 0.9f << 0.f << 0.5f;
        QTest::newRow("wide top-k, min-p") << 0.7f << 100 << 1.f << 0.1f << 1.3f;
    }
    void candidatesGiveTheSameTokensAsFullLogits() {
        QFETCH(float, temperature);
        QFETCH(int, topK);
        QFETCH(float, topP);
        QFETCH(float, minP);
        QFETCH(float, penalty);
        SamplerParams p;
        p.temperature = temperature, p.topK = topK, p.topP = topP, p.minP = minP, p.repeatPenalty = penalty;
        p.repeatWindow = 16;
        Sampler full(p), fromCandidates(p);
        std::mt19937 rng(7);
        std::uniform_int_distribution<int32_t> anyToken(0, 299);
        std::normal_distribution<float> logit(0.f, 3.f);
        std::vector<int32_t> history;
        int differentFromArgmax = 0;
        for (int step = 0; step < 400; ++step) {
            std::vector<float> logits(300);
            for (auto& l : logits)
                l = std::round(logit(rng) * 4) / 4; // coarse values: many exact ties
            // Make recently seen tokens the strongest, so the penalty decides the ranking.
            for (size_t i = history.size() > 4 ? history.size() - 4 : 0; i < history.size(); ++i)
                logits[history[i]] = 9.f;
            const CandidateRequest r = fromCandidates.request(history);
            QVERIFY(r.topK > 0);
            const Candidates c = selectCandidates(logits, r);
            QCOMPARE(c.ids.size(), std::min<size_t>(r.topK, logits.size()));
            QVERIFY(std::is_sorted(c.logits.rbegin(), c.logits.rend()));
            const int32_t want = full.sample(logits, history);
            QCOMPARE(fromCandidates.sample(c, history), want);
            differentFromArgmax += want != argmax(logits);
            history.push_back(step % 3 ? want : anyToken(rng));
        }
        if (temperature > 0 && topK > 1) QVERIFY(differentFromArgmax > 0); // the filters were exercised
    }

    // The top-k candidates are the k largest logits, highest first, equal logits by lower id: compared with
    // a full sort, on logits with many ties, for k from 1 to past the vocabulary.
    void candidatesAreTheTopKInOrder() {
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> level(-20, 20); // 41 values over 1000 logits: ties everywhere
        std::vector<float> logits(1000);
        for (float& v : logits)
            v = 0.25f * float(level(rng));
        std::vector<int32_t> order(logits.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = int32_t(i);
        std::stable_sort(order.begin(), order.end(),
                         [&](int32_t a, int32_t b) { return logits[a] > logits[b]; });
        for (int k : {1, 2, 40, 999, 1000, 1500}) {
            CandidateRequest r;
            r.topK = k;
            const Candidates c = selectCandidates(logits, r);
            QCOMPARE(c.ids.size(), std::min<size_t>(size_t(k), logits.size()));
            for (size_t i = 0; i < c.ids.size(); ++i) {
                QCOMPARE(c.ids[i], order[i]);
                QCOMPARE(c.logits[i], logits[order[i]]);
            }
        }
    }

    void requestNamesWhatTheChainNeeds() {
        SamplerParams p;
        p.temperature = 0;
        QCOMPARE(Sampler(p).request(std::vector<int32_t>{1, 2}).topK, 1); // greedy: the argmax only
        p.temperature = 0.8f, p.topK = 40, p.repeatPenalty = 1.1f, p.repeatWindow = 3;
        const auto r = Sampler(p).request(std::vector<int32_t>{5, 1, 2, 2, 9});
        QCOMPARE(r.extraIds, (std::vector<int32_t>{2, 9})); // distinct tokens of the last 3
        QCOMPARE(r.topK, 42);
        p.repeatPenalty = 1.f;
        QVERIFY(Sampler(p).request(std::vector<int32_t>{5, 1}).extraIds.empty());
        p.topK = 0; // every token can be drawn: only the full logits will do
        QCOMPARE(Sampler(p).request(std::vector<int32_t>{5}).topK, 0);
        QVERIFY_THROWS_EXCEPTION(Error, Sampler(p).sample(Candidates{}, {}));
    }
};

QTEST_GUILESS_MAIN(TestSampler)
#include "tst_sampler.moc"
