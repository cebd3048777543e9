#pragma once
// What a generation request carries and what it reports: shared by EngineWorker, GenerationJob and
// every feature that asks the model for an answer.
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace sosoik::app {

// Per-conversation sampling and context settings (app-wide defaults live in Settings).
struct GenerationSettings {
    QString systemPrompt; // informational; the system message is part of GenerationRequest::messages
    double temperature = 0.7;
    double topP = 0.95;
    int topK = 40;
    int maxNewTokens = 512;
    int contextLength = 2048;
    // The sampler's seed: 0 draws a fresh one for every answer (so Regenerate gives a new answer);
    // any other value repeats an answer exactly (same model, prompt and settings).
    quint64 seed = 0;
};

struct ChatTurn {
    QString role; // "system", "user", "assistant"
    QString content;
};

struct GenerationRequest {
    qint64 conversationId = -1;
    QList<ChatTurn> messages;
    GenerationSettings settings;
    // Extras for API clients (the local server): stop strings beside the chat template's own, a sampling
    // seed (-1: the engine's default), and plain completion of `prompt` (no chat template, `messages`
    // unused) for /v1/completions.
    QStringList stopStrings;
    qint64 seed = -1;
    bool rawCompletion = false;
    QString prompt;
};

struct GenerationStats {
    int promptTokens = 0; // tokens of the rendered prompt (after dropping old turns)
    int reusedTokens = 0; // of which came from the KV cache
    int generatedTokens = 0;
    int contextUsed = 0; // prompt + generated
    int contextLength = 0;
    int droppedMessages = 0; // oldest messages left out so the prompt fits
    double tokensPerSecond = 0;
    QString stopReason; // "eos", "length", "stop-string", "cancelled", "context-full"
};

} // namespace sosoik::app

Q_DECLARE_METATYPE(sosoik::app::GenerationRequest)
Q_DECLARE_METATYPE(sosoik::app::GenerationStats)
