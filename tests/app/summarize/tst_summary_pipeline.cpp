// The map-reduce pipeline against a scripted fake model: plans for 1, 10 and 200 chunks, the
// calls actually made, progress, language choice, prompts per family, and cancellation.
#include "documents/chunk_spool.h"
#include "summarize/summary_pipeline.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <sys/resource.h>

using namespace sosoik::summarize;
using namespace sosoik::documents;

namespace {

int words(const QString& s) {
    int n = 0;
    bool inWord = false;
    for (QChar c : s) {
        const bool space = c.isSpace();
        n += !space && !inWord;
        inWord = !space;
    }
    return n;
}

// Counts whitespace-separated words as tokens and always answers with maxTokens words, so budgets
// are exact and every call is recorded.
class FakeLlm : public SummarizerBackend {
public:
    int context = 2048;
    QString family = QStringLiteral("chatml");
    std::atomic<bool>* cancelFlag = nullptr;
    int cancelAtCall = -1, cancelAfterWords = 0; // simulates the user pressing Cancel mid-generation
    int wordsAfterCancel = 0;
    QList<QList<LlmMessage>> calls;

    int contextLength() const override { return context; }
    int countTokens(const QString& text) const override { return words(text); }
    QString chatFamily() const override { return family; }
    int countPromptTokens(const QList<LlmMessage>& messages) const override {
        int n = 0;
        for (const auto& m : messages)
            n += words(m.content) + 4;
        return n;
    }
    QString complete(const QList<LlmMessage>& messages, int maxTokens,
                     const std::function<void(const QString&)>& onToken,
                     const std::atomic<bool>& cancel) override {
        calls << messages;
        const int call = int(calls.size());
        QString out;
        for (int i = 0; i < maxTokens; ++i) {
            if (cancel.load()) {
                ++wordsAfterCancel; // would be a token produced after Cancel: must never happen
                break;
            }
            const QString word = QStringLiteral("c%1w%2 ").arg(call).arg(i);
            out += word;
            if (onToken) onToken(word);
            if (call == cancelAtCall && i + 1 == cancelAfterWords) cancelFlag->store(true);
            if (cancel.load()) break; // checked between tokens, like the engine's generate loop
        }
        return out;
    }
    int callsContaining(const QString& marker) const {
        int n = 0;
        for (const auto& c : calls)
            n += c.last().content.contains(marker);
        return n;
    }
};

ChunkList makeChunks(int n,
                     const QString& sentence = QStringLiteral("The plant produced %1 units in week %2.")) {
    ChunkList list;
    for (int i = 0; i < n; ++i) {
        Chunk c;
        c.index = i;
        c.text = sentence.arg(100 + i).arg(i + 1);
        c.firstPage = c.lastPage = i + 1;
        c.tokens = words(c.text);
        list.append(c);
    }
    return list;
}

} // namespace

class TestSummaryPipeline : public QObject {
    Q_OBJECT
private slots:
    void plansFor1And10And200Chunks() {
        // 1000 reduce tokens / (100 + 4 separator) → groups of 9.
        const SummaryPlan one = planSummary(1, 100, 1000);
        QVERIFY(one.singlePass);
        QCOMPARE(one.totalCalls(), 1);
        const SummaryPlan ten = planSummary(10, 100, 1000);
        QVERIFY(!ten.singlePass);
        QCOMPARE(ten.reduceLevels, QList<int>({2}));
        QCOMPARE(ten.totalCalls(), 10 + 2 + 1);
        const SummaryPlan many = planSummary(200, 100, 1000);
        QCOMPARE(many.reduceLevels, QList<int>({23, 3}));
        QCOMPARE(many.totalCalls(), 200 + 23 + 3 + 1);
        QCOMPARE(planSummary(9, 100, 1000).totalCalls(), 9 + 1); // 9 partials fit the final call
    }

    void runsMatchThePlan_data() {
        QTest::addColumn<int>("chunks");
        QTest::newRow("1") << 1;
        QTest::newRow("10") << 10;
        QTest::newRow("200") << 200;
    }
    void runsMatchThePlan() {
        QFETCH(int, chunks);
        FakeLlm llm;
        SummaryPipeline pipeline(llm, {QStringLiteral("en"), 150, QStringLiteral("report.pdf")});
        const SummaryBudget budget = pipeline.budgetFor(QStringLiteral("en"));
        QVERIFY(budget.chunkTokens > 64 && budget.partialTokens >= 48 &&
                budget.answerTokens > budget.partialTokens);
        QString streamed;
        pipeline.onSummaryText = [&](const QString& t) { streamed += t; };
        QList<SummaryProgress> progress;
        pipeline.onProgress = [&](const SummaryProgress& p) { progress << p; };
        std::atomic<bool> cancel{false};
        const SummaryResult result = pipeline.run(makeChunks(chunks), cancel);

        const SummaryPlan plan = planSummary(chunks, budget.partialTokens, budget.reduceInputTokens);
        QVERIFY(!result.cancelled);
        QCOMPARE(result.llmCalls, plan.totalCalls());
        QCOMPARE(int(llm.calls.size()), plan.totalCalls());
        QCOMPARE(result.summary, streamed.trimmed());
        QCOMPARE(words(result.summary), budget.answerTokens);
        if (chunks == 1) {
            QVERIFY(llm.calls[0].last().content.contains("The plant produced 100 units"));
            QVERIFY(llm.calls[0].first().content.contains("Summarize the document below"));
        } else {
            QCOMPARE(llm.callsContaining("Part "), chunks);
            for (int i = 0; i < chunks; ++i) // each chunk reached the model once, with its page
                QVERIFY(llm.calls[i].last().content.contains(
                    QStringLiteral("Part %1 of %2 (p. %1)").arg(i + 1).arg(chunks)));
            // The final call sees everything the previous level produced.
            const QString final = llm.calls.last().last().content;
            QVERIFY(final.contains(QStringLiteral("c%1w0").arg(plan.totalCalls() - 1)));
            QVERIFY(llm.calls.last().first().content.contains("Write the final summary"));
            for (const auto& call : llm.calls)
                QVERIFY(llm.countPromptTokens(call) <= llm.context - budget.partialTokens);
        }
        QCOMPARE(int(progress.size()), plan.totalCalls());
        for (int i = 0; i < progress.size(); ++i) {
            QCOMPARE(progress[i].call, i + 1);
            QVERIFY(progress[i].totalCalls >= progress[i].call);
            if (i > 0) QVERIFY(progress[i].etaSeconds >= 0);
        }
        QCOMPARE(progress.last().phase, SummaryProgress::Phase::Writing);
        if (chunks == 10) QCOMPARE(progress[2].text(), QStringLiteral("Summarizing chunk 3 of 10"));
    }

    void cancelDuringMapKeepsFinishedPartials() {
        FakeLlm llm;
        std::atomic<bool> cancel{false};
        llm.cancelFlag = &cancel;
        llm.cancelAtCall = 4;
        llm.cancelAfterWords = 5;
        SummaryPipeline pipeline(llm, {QStringLiteral("en"), 150, {}});
        const SummaryResult result = pipeline.run(makeChunks(12), cancel);
        QVERIFY(result.cancelled);
        QCOMPARE(int(llm.calls.size()), 4); // nothing started after Cancel
        QCOMPARE(llm.wordsAfterCancel, 0);  // stopped within one token
        QCOMPARE(int(result.partials.size()), 3);
        QCOMPARE(result.summary, result.partials.join("\n\n"));
        QVERIFY(result.summary.contains("c3w0"));
        QVERIFY(!result.summary.contains("c4w"));
    }

    void cancelDuringFinalKeepsStreamedText() {
        FakeLlm llm;
        std::atomic<bool> cancel{false};
        llm.cancelFlag = &cancel;
        llm.cancelAtCall = 4; // 3 chunks + final
        llm.cancelAfterWords = 7;
        SummaryPipeline pipeline(llm, {QStringLiteral("en"), 150, {}});
        QString streamed;
        pipeline.onSummaryText = [&](const QString& t) { streamed += t; };
        const SummaryResult result = pipeline.run(makeChunks(3), cancel);
        QVERIFY(result.cancelled);
        QCOMPARE(words(result.summary), 7);
        QCOMPARE(result.summary, streamed.trimmed());
        QCOMPARE(llm.wordsAfterCancel, 0);
    }

    void koreanDocumentGetsKoreanPrompts() {
        FakeLlm llm;
        std::atomic<bool> cancel{false};
        SummaryPipeline pipeline(llm, {QStringLiteral("auto"), 100, {}});
        const auto result =
            pipeline.run(makeChunks(3, QStringLiteral("공장은 %1개를 %2주차에 생산했다.")), cancel);
        QCOMPARE(result.language, QStringLiteral("ko"));
        QVERIFY(llm.calls.last().first().content.contains(QStringLiteral("한국어로")));
        FakeLlm english;
        SummaryPipeline forced(english, {QStringLiteral("en"), 100, {}});
        QCOMPARE(
            forced.run(makeChunks(3, QStringLiteral("공장은 %1개를 %2주차에 생산했다.")), cancel).language,
            QStringLiteral("en"));
        QVERIFY(english.calls.last().first().content.contains(QStringLiteral("Write in English")));
    }

    void familiesWithoutSystemRoleGetOneUserTurn() {
        PromptContext pc;
        pc.family = QStringLiteral("gemma");
        const auto gemma = mapPrompt(pc, QStringLiteral("text"), QStringLiteral("p. 1"), 0, 2, 50);
        QCOMPARE(gemma.size(), 1);
        QCOMPARE(gemma[0].role, QStringLiteral("user"));
        QVERIFY(gemma[0].content.contains("at most 50 words") && gemma[0].content.endsWith("text"));
        pc.family = QStringLiteral("llama3");
        const auto llama = mapPrompt(pc, QStringLiteral("text"), QStringLiteral("p. 1"), 0, 2, 50);
        QCOMPARE(llama.size(), 2);
        QCOMPARE(llama[0].role, QStringLiteral("system"));
    }

    void tinyContextIsAClearError() {
        FakeLlm llm;
        llm.context = 128;
        SummaryPipeline pipeline(llm, {QStringLiteral("en"), 200, {}});
        std::atomic<bool> cancel{false};
        try {
            pipeline.run(makeChunks(2), cancel);
            QFAIL("expected SummaryError");
        } catch (const SummaryError& e) {
            QVERIFY(QString(e.what()).contains("too small"));
        }
        QVERIFY(llm.calls.isEmpty());
    }

    void preparingAHugeFileKeepsMemoryBounded() {
        // 45 MB of text (under the 50-million-character limit) is chunked into a disk spool: memory
        // must not grow with the file.
        QTemporaryDir dir;
        QFile f(dir.filePath("huge.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray paragraph =
            QByteArray("The committee reviewed the budget and approved it. ").repeated(30) + "\n\n";
        while (f.size() < (45ll << 20))
            f.write(paragraph.repeated(100));
        f.close();
        rusage before{}, after{};
        getrusage(RUSAGE_SELF, &before);
        FakeLlm llm;
        llm.context = 8192;
        SummaryPipeline pipeline(llm, {QStringLiteral("auto"), 200, {}});
        ChunkSpool spool;
        pipeline.prepare(f.fileName(), spool);
        getrusage(RUSAGE_SELF, &after);
        const long grownMiB = (after.ru_maxrss - before.ru_maxrss) / 1024;
        QVERIFY(spool.count() > 400);
        QVERIFY(spool.chunk(spool.count() / 2).text.startsWith("The committee"));
        QVERIFY2(grownMiB < 64, qPrintable(QStringLiteral("peak memory grew by %1 MiB").arg(grownMiB)));
    }

    void prepareChunksAFileWithinBudget() {
        QTemporaryDir dir;
        QFile f(dir.filePath("long.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 400; ++i)
            f.write(QStringLiteral("문단 %1: 올해 매출은 크게 늘었다. 비용은 줄었다.\n\n").arg(i).toUtf8());
        f.close();
        FakeLlm llm;
        SummaryPipeline pipeline(llm, {QStringLiteral("auto"), 100, {}});
        ChunkSpool spool;
        const ExtractInfo info = pipeline.prepare(f.fileName(), spool);
        QCOMPARE(info.format, QStringLiteral("text"));
        QCOMPARE(pipeline.language(), QStringLiteral("ko"));
        const SummaryBudget budget = pipeline.budgetFor(QStringLiteral("ko"));
        QVERIFY(spool.count() > 1);
        int totalWords = 0;
        for (int i = 0; i < spool.count(); ++i) {
            const Chunk c = spool.chunk(i);
            QCOMPARE(c.index, i);
            QVERIFY(c.tokens <= budget.chunkTokens);
            QCOMPARE(c.tokens, words(c.text));
            totalWords += c.tokens;
        }
        QCOMPARE(totalWords, 400 * 8);
        QCOMPARE(spool.chunk(spool.count() - 1).text.right(8), QStringLiteral("비용은 줄었다."));
    }
};

QTEST_MAIN(TestSummaryPipeline)
#include "tst_summary_pipeline.moc"
