#pragma once
// The app's one stand-in for the engine behind the real EngineWorker (the InferenceBackend seam), for
// tests of threading, queueing, streaming and flow. Deterministic:
//   - prompts: one token per message role plus one per whitespace-separated word (or, with
//     tokensPerMessage > 0, that many per message whatever its length, so long prompts always fit);
//   - answers: "w0 w1 w2 ..." one word per token up to maxNewTokens, or, when `pieces` is set, those
//     pieces (`repeat` times) ending with "eos";
//   - tokenDelayMs per token, `hold` to pause mid-answer, a simulated KV cache for prefix reuse.
#include "inference/inference_backend.h"

#include "sosoik/error.h"

#include <QMutex>
#include <QString>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <string>

namespace sosoik::app::test {

class ScriptedBackend : public InferenceBackend {
public:
    std::atomic<int> tokenDelayMs{2};
    std::atomic<bool> hold{false}; // while true, generation waits before its next token
    QStringList pieces;            // empty: "w0 w1 ..." words
    std::atomic<int> repeat{1};    // how many times the pieces are produced (long answers)
    int tokensPerMessage = 0;      // > 0: fixed prompt size per message
    bool failLoad = false;
    QString backendName = QStringLiteral("reference"); // what a load reports running on
    std::vector<sosoik::ChatMessage> lastRendered;
    std::vector<int32_t> cache; // what a KV cache would hold
    std::atomic<Qt::HANDLE> generateThread{nullptr};
    std::atomic<int> tokensProduced{0}; // by all generate() calls, counted on the engine thread

    // The sampler seed of every generate() call, in order.
    QList<quint64> seeds() const {
        QMutexLocker lock(&mutex_);
        return seeds_;
    }

    QString lastUserMessage() const {
        QMutexLocker lock(&mutex_);
        return lastUser_;
    }

    // The last load's request, as the worker handed it over.
    LoadRequest lastLoad() const {
        QMutexLocker lock(&mutex_);
        return lastLoad_;
    }

    ModelDetails load(const LoadRequest& request, const std::function<void(float)>& progress) override {
        if (failLoad)
            throw sosoik::Error(sosoik::Error::Kind::InvalidModel, "This file is not a GGUF model.");
        {
            QMutexLocker lock(&mutex_);
            lastLoad_ = request;
        }
        progress(0.5f);
        progress(1.f);
        loaded_ = true;
        ModelDetails d;
        d.path = request.path;
        d.name = QStringLiteral("scripted");
        d.backendName = backendName;
        return d;
    }
    bool isLoaded() const override { return loaded_; }
    void unload() override { loaded_ = false; }
    std::vector<int32_t> renderChat(const std::vector<sosoik::ChatMessage>& messages) const override {
        auto* self = const_cast<ScriptedBackend*>(this);
        {
            QMutexLocker lock(&mutex_);
            self->lastRendered = messages;
            for (const auto& m : messages)
                if (m.role == "user") self->lastUser_ = QString::fromStdString(m.content);
        }
        std::vector<int32_t> out;
        for (const auto& m : messages) {
            out.push_back(int32_t(qHash(QString::fromStdString(m.role)) & 0xffff));
            if (tokensPerMessage > 0) {
                out.insert(out.end(), size_t(tokensPerMessage - 1), 1);
                continue;
            }
            for (const auto& w : QString::fromStdString(m.content).split(' ', Qt::SkipEmptyParts))
                out.push_back(int32_t(qHash(w) & 0xffff));
        }
        return out;
    }
    int countTokens(const std::string& text) const override {
        return int(QString::fromStdString(text).split(' ', Qt::SkipEmptyParts).size());
    }
    std::vector<std::string> stopStrings() const override { return {}; }
    void prepareSession(int contextLength) override {
        if (context_ != contextLength) cache.clear();
        context_ = contextLength;
    }
    int sessionContextLength() const override { return context_; }
    sosoik::GenerateStats generate(const std::vector<int32_t>& prompt, const sosoik::GenerateOptions& options,
                                   const std::function<bool(const std::string&, int32_t)>& onText) override {
        generateThread = QThread::currentThreadId();
        {
            QMutexLocker lock(&mutex_);
            seeds_.append(options.sampler.seed);
        }
        sosoik::GenerateStats stats;
        size_t common = 0;
        while (common < cache.size() && common < prompt.size() && cache[common] == prompt[common])
            ++common;
        stats.reusedTokens = int(common);
        stats.promptTokens = int(prompt.size() - common);
        if (options.onPromptProgress) // like sosoik::generate: start, one slice, the end
            for (int done : {0, stats.promptTokens / 2, stats.promptTokens})
                options.onPromptProgress(done, stats.promptTokens);
        cache = prompt;
        const int count = pieces.isEmpty() ? options.maxNewTokens : int(pieces.size()) * repeat;
        for (int i = 0; i < count; ++i) {
            while (hold && !cancelled_)
                QThread::msleep(1);
            if (cancelled_) {
                stats.stopReason = "cancelled";
                return stats;
            }
            QThread::msleep(tokenDelayMs);
            ++stats.generatedTokens;
            ++tokensProduced;
            cache.push_back(i);
            const std::string text = pieces.isEmpty() ? (i ? " w" : "w") + std::to_string(i)
                                                      : pieces[i % pieces.size()].toStdString();
            if (!onText(text, i)) {
                stats.stopReason = "cancelled";
                return stats;
            }
        }
        stats.generateSeconds = 0.001 * tokenDelayMs * stats.generatedTokens;
        stats.stopReason = pieces.isEmpty() ? "length" : "eos";
        return stats;
    }
    void cancel() override { cancelled_ = true; }
    void resetCancel() override { cancelled_ = false; }

private:
    QList<quint64> seeds_;
    std::atomic<bool> loaded_{false};
    int context_ = 0;
    std::atomic<bool> cancelled_{false};
    mutable QMutex mutex_;
    QString lastUser_;
    LoadRequest lastLoad_;
};

// The full answer a backend with pieces gives.
inline QString scriptedAnswer(const ScriptedBackend& backend) {
    return backend.pieces.join(QString());
}

} // namespace sosoik::app::test
