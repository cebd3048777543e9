#pragma once
// A deterministic stand-in for the engine, for tests of the app's threading and flow:
// one token per whitespace-separated word; answers "w0 w1 w2 ..." one word per token,
// sleeping tokenDelayMs per token, with a simulated KV cache for prefix-reuse figures.
#include "inference/inference_backend.h"

#include "sosoik/error.h"

#include <QString>
#include <QThread>

#include <atomic>
#include <string>

namespace sosoik::app::test {

class ScriptedBackend : public InferenceBackend {
public:
    int tokenDelayMs = 2;
    bool failLoad = false;
    std::vector<sosoik::ChatMessage> lastRendered;
    std::vector<int32_t> cache; // what a KV cache would hold
    std::atomic<Qt::HANDLE> generateThread{nullptr};

    ModelDetails load(const LoadRequest& request, const std::function<void(float)>& progress) override {
        if (failLoad)
            throw sosoik::Error(sosoik::Error::Kind::InvalidModel, "This file is not a GGUF model.");
        progress(0.5f);
        progress(1.f);
        loaded_ = true;
        ModelDetails d;
        d.path = request.path;
        d.name = QStringLiteral("scripted");
        return d;
    }
    bool isLoaded() const override { return loaded_; }
    void unload() override { loaded_ = false; }
    std::vector<int32_t> renderChat(const std::vector<sosoik::ChatMessage>& messages) const override {
        const_cast<ScriptedBackend*>(this)->lastRendered = messages;
        std::vector<int32_t> out;
        for (const auto& m : messages) {
            out.push_back(int32_t(qHash(QString::fromStdString(m.role)) & 0xffff));
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
        sosoik::GenerateStats stats;
        size_t common = 0;
        while (common < cache.size() && common < prompt.size() && cache[common] == prompt[common])
            ++common;
        stats.reusedTokens = int(common);
        stats.promptTokens = int(prompt.size() - common);
        cache = prompt;
        for (int i = 0; i < options.maxNewTokens; ++i) {
            if (cancelled_) {
                stats.stopReason = "cancelled";
                return stats;
            }
            QThread::msleep(tokenDelayMs);
            ++stats.generatedTokens;
            cache.push_back(i);
            if (!onText((i ? " w" : "w") + std::to_string(i), i)) {
                stats.stopReason = "cancelled";
                return stats;
            }
        }
        stats.generateSeconds = 0.001 * tokenDelayMs * stats.generatedTokens;
        stats.stopReason = "length";
        return stats;
    }
    void cancel() override { cancelled_ = true; }
    void resetCancel() override { cancelled_ = false; }

private:
    bool loaded_ = false;
    int context_ = 0;
    std::atomic<bool> cancelled_{false};
};

} // namespace sosoik::app::test
