#include "summarize/summary_pipeline.h"

#include "documents/document_extractor.h"
#include "summarize/language.h"

#include <QObject>
#include <cmath>

namespace sosoik::summarize {
namespace {

constexpr int kLanguageSampleChars = 4000;
constexpr int kPartialSeparatorTokens = 4; // "[n] " and the blank line around each partial in a reduce prompt

double tokensPerWord(const QString& language) {
    return language == QLatin1String("ko") ? 2.5 : 1.4;
}
int wordsFor(int tokens, const QString& language) {
    return std::max(10, int(tokens / tokensPerWord(language)));
}

int reduceCallsAfterMap(int partials, int groupSize, QList<int>* levels = nullptr) {
    int calls = 0;
    while (partials > groupSize) {
        partials = (partials + groupSize - 1) / groupSize;
        calls += partials;
        if (levels) *levels << partials;
    }
    return calls;
}

} // namespace

int SummaryPlan::totalCalls() const {
    if (singlePass) return 1;
    int calls = chunks + 1;
    for (int level : reduceLevels)
        calls += level;
    return calls;
}

SummaryPlan planSummary(int chunkCount, int partialTokens, int reduceInputTokens) {
    SummaryPlan plan;
    plan.chunks = chunkCount;
    plan.singlePass = chunkCount <= 1;
    if (!plan.singlePass) {
        const int groupSize =
            std::max(2, reduceInputTokens / std::max(1, partialTokens + kPartialSeparatorTokens));
        reduceCallsAfterMap(chunkCount, groupSize, &plan.reduceLevels);
    }
    return plan;
}

QString SummaryProgress::text() const {
    switch (phase) {
    case Phase::Summarizing:
        return QObject::tr("Summarizing chunk %1 of %2").arg(chunk).arg(chunkCount);
    case Phase::Combining:
        return QObject::tr("Combining summaries (step %1 of %2)").arg(call).arg(totalCalls);
    case Phase::Writing:
        return QObject::tr("Writing the summary");
    }
    return {};
}

SummaryPipeline::SummaryPipeline(SummarizerBackend& backend, SummaryOptions options)
    : backend_(backend), options_(std::move(options)) {}

SummaryBudget SummaryPipeline::budgetFor(const QString& language) const {
    const int context = backend_.contextLength();
    SummaryBudget b;
    const int wanted = int(std::ceil(options_.targetWords * tokensPerWord(language))) + 32;
    b.answerTokens = std::clamp(wanted, 48, std::max(48, context / 4));
    b.partialTokens = std::clamp(context / 12, 48, b.answerTokens);
    const PromptContext pc{language, options_.targetWords, backend_.chatFamily(), options_.title};
    const int mapOverhead =
        std::max(backend_.countPromptTokens(mapPrompt(pc, QString(), QStringLiteral("pp. 100–101"), 999, 999,
                                                      wordsFor(b.partialTokens, language))),
                 backend_.countPromptTokens(singlePassPrompt(pc, QString())));
    b.chunkTokens = documents::chunkTokenBudget(context, mapOverhead, b.answerTokens);
    const int reduceOverhead =
        backend_.countPromptTokens(reducePrompt(pc, {}, true, wordsFor(b.partialTokens, language)));
    b.reduceInputTokens = documents::chunkTokenBudget(context, reduceOverhead, b.answerTokens);
    if (b.chunkTokens < 64 || b.reduceInputTokens < 2 * b.partialTokens)
        throw SummaryError(QObject::tr("The model's context (%1 tokens) is too small to summarize documents; "
                                       "choose a model with a longer context or ask for a shorter summary.")
                               .arg(context)
                               .toStdString());
    return b;
}

documents::ExtractInfo SummaryPipeline::prepare(const QString& path, documents::ChunkSpool& spool,
                                                const documents::ExtractOptions& extractOptions) {
    // The chunk budget depends on the summary's language, which depends on the text: hold back
    // the first blocks until there is enough text to tell, then start chunking.
    QList<documents::TextBlock> held;
    qsizetype heldChars = 0;
    std::unique_ptr<documents::Chunker> chunker;
    const auto counter = [this](const QString& s) { return backend_.countTokens(s); };
    auto start = [&] {
        QString sample;
        for (const auto& b : held)
            sample += b.text.left(kLanguageSampleChars - sample.size());
        language_ = resolveLanguage(options_.language, sample);
        const SummaryBudget budget = budgetFor(language_);
        chunker = std::make_unique<documents::Chunker>(budget.chunkTokens, counter,
                                                       [&](documents::Chunk&& c) { spool.append(c); });
        for (const auto& b : held)
            chunker->add(b);
        held.clear();
    };
    documents::ExtractInfo info = documents::extractDocument(
        path,
        [&](const documents::TextBlock& block) {
            if (chunker) {
                chunker->add(block);
            } else {
                held << block;
                heldChars += block.text.size();
                if (heldChars >= kLanguageSampleChars) start();
            }
            return true;
        },
        extractOptions);
    if (!chunker) start();
    chunker->finish();
    return info;
}

QString SummaryPipeline::call(const QList<LlmMessage>& messages, int maxTokens, SummaryProgress progress,
                              bool stream, const std::atomic<bool>& cancel) {
    progress.call = ++calls_;
    progress.totalCalls = std::max(totalCalls_, calls_);
    progress.elapsedSeconds = timer_.elapsed() / 1000.0;
    if (calls_ > 1)
        progress.etaSeconds = progress.elapsedSeconds / (calls_ - 1) * (progress.totalCalls - calls_ + 1);
    if (onProgress) onProgress(progress);
    const std::function<void(const QString&)> none;
    return backend_.complete(messages, maxTokens, stream && onSummaryText ? onSummaryText : none, cancel)
        .trimmed();
}

QList<QStringList> SummaryPipeline::groupForReduce(const QStringList& partials, int budget) const {
    QList<QStringList> groups(1);
    int used = 0;
    for (const QString& p : partials) {
        const int tokens = backend_.countTokens(p) + kPartialSeparatorTokens;
        if (!groups.last().isEmpty() && used + tokens > budget) {
            groups.append(QStringList());
            used = 0;
        }
        groups.last() << p;
        used += tokens;
    }
    return groups;
}

SummaryResult SummaryPipeline::run(const documents::ChunkSource& chunks, const std::atomic<bool>& cancel) {
    SummaryResult result;
    result.chunkCount = chunks.count();
    if (result.chunkCount == 0)
        throw SummaryError(QObject::tr("The document contains no text.").toStdString());
    if (language_.isEmpty()) {
        QString sample;
        for (int i = 0; i < result.chunkCount && sample.size() < kLanguageSampleChars; ++i)
            sample += chunks.chunk(i).text.left(kLanguageSampleChars);
        language_ = resolveLanguage(options_.language, sample);
    }
    result.language = language_;
    const SummaryBudget budget = budgetFor(language_);
    const PromptContext pc{language_, options_.targetWords, backend_.chatFamily(), options_.title};
    const int partialWords = wordsFor(budget.partialTokens, language_);
    const SummaryPlan plan = planSummary(result.chunkCount, budget.partialTokens, budget.reduceInputTokens);
    timer_.start();
    calls_ = 0;
    totalCalls_ = plan.totalCalls();

    SummaryProgress progress;
    progress.chunkCount = result.chunkCount;
    if (plan.singlePass) {
        progress.phase = SummaryProgress::Phase::Writing;
        result.summary =
            call(singlePassPrompt(pc, chunks.chunk(0).text), budget.answerTokens, progress, true, cancel);
        result.cancelled = cancel.load();
        result.llmCalls = calls_;
        return result;
    }

    for (int i = 0; i < result.chunkCount && !cancel.load(); ++i) {
        const documents::Chunk chunk = chunks.chunk(i);
        progress.chunk = i + 1;
        const QString partial =
            call(mapPrompt(pc, chunk.text, chunk.location(), i, result.chunkCount, partialWords),
                 budget.partialTokens, progress, false, cancel);
        if (!cancel.load()) result.partials << partial;
    }
    QStringList level = result.partials;
    progress.phase = SummaryProgress::Phase::Combining;
    while (!cancel.load() && level.size() > 1) {
        const QList<QStringList> groups = groupForReduce(level, budget.reduceInputTokens);
        if (groups.size() == 1) break; // everything fits the final call
        const int groupSize = std::max(2, int(level.size() / groups.size()));
        totalCalls_ = calls_ + int(groups.size()) + reduceCallsAfterMap(int(groups.size()), groupSize) + 1;
        QStringList next;
        for (const QStringList& group : groups) {
            if (cancel.load()) break;
            next << call(reducePrompt(pc, group, false, partialWords), budget.partialTokens, progress, false,
                         cancel);
        }
        if (!cancel.load()) level = next;
    }
    if (!cancel.load()) {
        totalCalls_ = calls_ + 1;
        progress.phase = SummaryProgress::Phase::Writing;
        result.summary =
            call(reducePrompt(pc, level, true, partialWords), budget.answerTokens, progress, true, cancel);
    }
    result.cancelled = cancel.load();
    if (result.cancelled && result.summary.isEmpty())
        result.summary = result.partials.join(QStringLiteral("\n\n"));
    result.llmCalls = calls_;
    return result;
}

} // namespace sosoik::summarize
