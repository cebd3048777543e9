#pragma once
// Map-reduce summarization: every chunk is summarized (map), partial summaries are merged in
// groups that fit the context (reduce, repeated while they do not fit), and a final pass writes
// the answer, streamed. A document that fits in one chunk is summarized in a single pass.
#include "documents/chunk_spool.h"
#include "summarize/llm_backend.h"
#include "summarize/prompts.h"

#include <QElapsedTimer>
#include <stdexcept>

namespace sosoik::summarize {

// A summary cannot be made (e.g. the model's context is too small); what() is for the user.
class SummaryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct SummaryOptions {
    QString language = QStringLiteral("auto"); // "auto" (the document's language), "ko", "en"
    int targetWords = 200;
    QString title; // shown to the model as the document's name
};

struct SummaryBudget {
    int answerTokens = 0;      // the final summary
    int partialTokens = 0;     // each map/reduce output
    int chunkTokens = 0;       // document text per map call
    int reduceInputTokens = 0; // partial summaries per reduce call
};

struct SummaryPlan {
    int chunks = 0;
    bool singlePass = false;
    QList<int> reduceLevels; // calls per intermediate reduce level, before the final call
    int totalCalls() const;
};
// Worst case (every partial summary uses partialTokens): actual runs never need more calls.
SummaryPlan planSummary(int chunkCount, int partialTokens, int reduceInputTokens);

struct SummaryProgress {
    enum class Phase { Summarizing, Combining, Writing };
    Phase phase = Phase::Summarizing;
    int call = 0;       // 1-based model call now running
    int totalCalls = 0; // current estimate
    int chunk = 0;      // 1-based, while summarizing chunks
    int chunkCount = 0;
    double elapsedSeconds = 0;
    double etaSeconds = -1; // -1 until the first call finished
    QString text() const;   // "Summarizing chunk 3 of 12"
};

struct SummaryResult {
    QString summary; // the final answer, or on cancel whatever was done (partial summaries)
    QString language;
    bool cancelled = false;
    int chunkCount = 0;
    int llmCalls = 0;
    QStringList partials;
};

class SummaryPipeline {
public:
    SummaryPipeline(SummarizerBackend& backend, SummaryOptions options);

    // Budgets for a summary written in language; throws SummaryError when the context is too small.
    SummaryBudget budgetFor(const QString& language) const;
    // Streams a file through extraction and chunking into spool, with budgets for the language
    // the document turns out to be in. Throws DocumentError / SummaryError.
    documents::ExtractInfo prepare(const QString& path, documents::ChunkSpool& spool,
                                   const documents::ExtractOptions& extractOptions = {});
    QString language() const { return language_; }

    std::function<void(const SummaryProgress&)> onProgress;
    std::function<void(const QString&)> onSummaryText; // pieces of the final answer as generated

    SummaryResult run(const documents::ChunkSource& chunks, const std::atomic<bool>& cancel);

private:
    QString call(const QList<LlmMessage>& messages, int maxTokens, SummaryProgress progress, bool stream,
                 const std::atomic<bool>& cancel);
    QList<QStringList> groupForReduce(const QStringList& partials, int budget) const;

    SummarizerBackend& backend_;
    SummaryOptions options_;
    QString language_;
    QElapsedTimer timer_;
    int calls_ = 0;
    int totalCalls_ = 0;
};

} // namespace sosoik::summarize
