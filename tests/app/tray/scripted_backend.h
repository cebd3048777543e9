#pragma once
// A deterministic stand-in for the engine behind the real EngineWorker: it "generates" a fixed list of text
// pieces, one per token, and can be held mid-answer so tests can see queueing and stopping.
#include "inference/engine_worker.h"
#include "sosoik/error.h"

#include <QMutex>
#include <QThread>
#include <atomic>

namespace sosoik::test {

class ScriptedBackend : public sosoik::app::InferenceBackend {
public:
    QStringList pieces{"Hello", " from", " the", " scripted", " model."};
    std::atomic<int> tokenDelayMs{1};
    std::atomic<bool> hold{false}; // while true, generation waits before its next token
    std::atomic<int> repeat{1};    // how many times the pieces are produced (long answers)
    bool failLoad = false;

    QString lastUserMessage() const {
        QMutexLocker lock(&m_mutex);
        return m_lastUser;
    }

    sosoik::app::ModelDetails load(const sosoik::app::LoadRequest& request,
                                   const std::function<void(float)>& progress) override {
        if (failLoad)
            throw sosoik::Error(sosoik::Error::Kind::InvalidModel, "This file is not a GGUF model.");
        progress(1.f);
        m_loaded = true;
        sosoik::app::ModelDetails details;
        details.path = request.path;
        details.name = QStringLiteral("scripted-1B");
        details.backendName = QStringLiteral("reference");
        return details;
    }
    bool isLoaded() const override { return m_loaded; }
    void unload() override { m_loaded = false; }
    std::vector<int32_t> renderChat(const std::vector<sosoik::ChatMessage>& messages) const override {
        {
            QMutexLocker lock(&m_mutex);
            for (const auto& m : messages)
                if (m.role == "user") m_lastUser = QString::fromStdString(m.content);
        }
        return std::vector<int32_t>(8, 1);
    }
    int countTokens(const std::string& text) const override { return int(text.size() / 4); }
    std::vector<std::string> stopStrings() const override { return {}; }
    void prepareSession(int contextLength) override { m_context = contextLength; }
    int sessionContextLength() const override { return m_context; }
    sosoik::GenerateStats generate(const std::vector<int32_t>&, const sosoik::GenerateOptions&,
                                   const std::function<bool(const std::string&, int32_t)>& onText) override {
        sosoik::GenerateStats stats;
        stats.stopReason = "eos";
        for (int round = 0; round < repeat; ++round)
            for (const QString& piece : pieces) {
                while (hold && !m_cancelled)
                    QThread::msleep(1);
                if (m_cancelled) {
                    stats.stopReason = "cancelled";
                    return stats;
                }
                QThread::msleep(tokenDelayMs);
                ++stats.generatedTokens;
                if (!onText(piece.toStdString(), stats.generatedTokens)) {
                    stats.stopReason = "cancelled";
                    return stats;
                }
            }
        return stats;
    }
    void cancel() override { m_cancelled = true; }
    void resetCancel() override { m_cancelled = false; }

private:
    std::atomic<bool> m_loaded{false};
    std::atomic<bool> m_cancelled{false};
    int m_context = 2048;
    mutable QMutex m_mutex;
    mutable QString m_lastUser;
};

// The full answer the scripted model gives.
inline QString scriptedAnswer(const ScriptedBackend& backend) {
    return backend.pieces.join(QString());
}

} // namespace sosoik::test
