// Session semantics on the reference backend: batched == step-by-step, prefix truncation,
// context limits, bad token ids, and cancellation from another thread.
#include "sosoik/model.h"
#include "sosoik/session.h"
#include "support/synthetic_model.h"

#include <QTemporaryDir>
#include <QTest>
#include <chrono>
#include <cmath>
#include <thread>

using namespace sosoik;
using namespace sosoik::test;

namespace {
float maxDiff(const std::vector<float>& a, const std::vector<float>& b) {
    float d = 0;
    for (size_t i = 0; i < a.size(); ++i)
        d = std::max(d, std::fabs(a[i] - b[i]));
    return d;
}
} // namespace

class TestSession : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::unique_ptr<Model> model_;
    const std::vector<int32_t> prompt_ = {1, 260, 270, 280, 290, 300, 310, 4, 5, 6};

private slots:
    void initTestCase() {
        SyntheticModelSpec s;
        s.contextLength = 128;
        const std::string p = (dir_.path() + "/m.gguf").toStdString();
        writeSyntheticModel(s, p);
        LoadOptions o;
        o.backend = BackendKind::Reference;
        model_ = Model::load(p, o);
    }

    void defaultContextIsTheTrainedOneCappedAt4096() {
        QCOMPARE(Session::create(*model_)->contextLength(), 128);
        QCOMPARE(Session::create(*model_, 16)->contextLength(), 16);
    }

    void batchedEqualsStepByStep() {
        auto batched = Session::create(*model_);
        const auto all = batched->decode(prompt_, true);
        QCOMPARE(all.size(), prompt_.size() * 320);
        QCOMPARE(batched->position(), int(prompt_.size()));
        QCOMPARE(batched->tokens(), prompt_);
        auto stepped = Session::create(*model_);
        for (size_t i = 0; i < prompt_.size(); ++i) {
            const auto one = stepped->decode(std::span<const int32_t>(&prompt_[i], 1));
            const std::vector<float> row(all.begin() + long(i * 320), all.begin() + long((i + 1) * 320));
            QVERIFY(maxDiff(one, row) < 1e-4f);
        }
        // Last-token logits of a batch equal the last row of allLogits.
        auto last = Session::create(*model_)->decode(prompt_);
        QVERIFY(maxDiff(last, std::vector<float>(all.end() - 320, all.end())) < 1e-5f);
    }

    void longPromptsAreChunkedTransparently() {
        std::vector<int32_t> longPrompt;
        for (int i = 0; i < 100; ++i)
            longPrompt.push_back(3 + (i * 37) % 317);
        auto a = Session::create(*model_);
        const auto all = a->decode(longPrompt, true);
        auto b = Session::create(*model_);
        b->decode(std::span<const int32_t>(longPrompt).first(99));
        const auto last = b->decode(std::span<const int32_t>(longPrompt).last(1));
        QVERIFY(maxDiff(last, std::vector<float>(all.end() - 320, all.end())) < 1e-4f);
    }

    void truncateReusesThePrefix() {
        auto s = Session::create(*model_);
        const auto first = s->decode(prompt_);
        s->decode(std::vector<int32_t>{7, 8, 9});
        s->truncate(int(prompt_.size()) - 1);
        QCOMPARE(s->position(), int(prompt_.size()) - 1);
        const auto again = s->decode(std::span<const int32_t>(&prompt_.back(), 1));
        QVERIFY(maxDiff(first, again) < 1e-5f);
        s->truncate(1000); // beyond the end: nothing to drop
        QCOMPARE(s->position(), int(prompt_.size()));
        s->truncate(0);
        QCOMPARE(s->position(), 0);
        QVERIFY_THROWS_EXCEPTION(Error, s->truncate(-1));
    }

    void rejectsBadInput() {
        auto s = Session::create(*model_, 8);
        QVERIFY_THROWS_EXCEPTION(Error, s->decode(std::vector<int32_t>{1, 320}));
        QVERIFY_THROWS_EXCEPTION(Error, s->decode(std::vector<int32_t>{-1}));
        QVERIFY_THROWS_EXCEPTION(Error, s->decode(std::vector<int32_t>{}));
        QCOMPARE(s->position(), 0);
        s->decode(std::vector<int32_t>{1, 2, 3, 4, 5, 6});
        try {
            s->decode(std::vector<int32_t>{1, 2, 3});
            QFAIL("expected a context-full error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("context is full"), e.what());
        }
        QCOMPARE(s->position(), 6);
        s->decode(std::vector<int32_t>{1, 2}); // exactly full is fine
        QCOMPARE(s->position(), 8);
    }

    void sessionsAreIndependent() {
        auto a = Session::create(*model_);
        auto b = Session::create(*model_);
        const auto la = a->decode(prompt_);
        b->decode(std::vector<int32_t>{1, 9, 9, 9});
        const auto la2 = Session::create(*model_)->decode(prompt_);
        QVERIFY(maxDiff(la, la2) < 1e-6f);
    }

    void cancelBeforeDecode() {
        auto s = Session::create(*model_);
        s->cancel();
        try {
            s->decode(prompt_);
            QFAIL("expected cancellation");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Cancelled);
        }
        QCOMPARE(s->position(), 0);
        s->resetCancel();
        QVERIFY(!s->cancelRequested());
        s->decode(prompt_);
        QCOMPARE(s->position(), int(prompt_.size()));
    }

    void cancelFromAnotherThreadStopsQuickly() {
        // A model big enough that decoding 512 tokens takes far longer than one token.
        SyntheticModelSpec spec;
        spec.nEmbd = 256;
        spec.nFf = 512;
        spec.nLayer = 4;
        spec.contextLength = 1024;
        const std::string p = (dir_.path() + "/big.gguf").toStdString();
        writeSyntheticModel(spec, p);
        LoadOptions o;
        o.backend = BackendKind::Reference;
        auto big = Model::load(p, o);
        auto s = Session::create(*big, 1024);
        std::vector<int32_t> tokens(512, 300);
        std::atomic<bool> cancelled{false};
        std::chrono::steady_clock::time_point stoppedAt;
        std::thread worker([&] {
            try {
                s->decode(tokens);
            } catch (const Error& e) {
                cancelled = e.kind() == Error::Kind::Cancelled;
            }
            stoppedAt = std::chrono::steady_clock::now();
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        const auto cancelAt = std::chrono::steady_clock::now();
        s->cancel();
        worker.join();
        QVERIFY(cancelled);
        const double ms = std::chrono::duration<double, std::milli>(stoppedAt - cancelAt).count();
        QVERIFY2(ms < 1000, qPrintable(QString("took %1 ms to stop").arg(ms)));
        QVERIFY(s->position() < 512);
        QCOMPARE(s->position() % 64, 0); // whole chunks only
        // The cache holds exactly the finished tokens: continuing gives the uncancelled result.
        s->resetCancel();
        const int done = s->position();
        const auto rest = s->decode(std::span<const int32_t>(tokens).subspan(done, 20));
        auto fresh = Session::create(*big, 1024);
        const auto expect = fresh->decode(std::span<const int32_t>(tokens).first(done + 20));
        QVERIFY(maxDiff(rest, expect) < 1e-4f);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
