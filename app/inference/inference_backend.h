#pragma once
// The engine as the EngineWorker sees it. The real implementation (SosoikBackend) wraps
// sosoik::Model + sosoik::Session; tests can substitute a scripted one to exercise the
// worker's threading, queueing and cancellation deterministically.
// Every method except cancel() is called on the worker thread only.
#include "sosoik/chat_template.h"
#include "sosoik/generate.h"

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sosoik::app {

struct LoadRequest {
    QString path;
    QString backend = QStringLiteral("auto"); // "auto", "vulkan", "reference"
    int device = -1;                          // Vulkan device index; -1 = preferred
    int threads = 0;                          // CPU/reference backend threads; 0 = physical cores
    bool cpuFastPrompts = false;              // LoadOptions::cpuFastPrompts (8-bit CPU prompt batches)
    // An OpenAI-compatible server instead of a file (app/remote/): its base URL, key and model name.
    // `path` is then only what the UI shows ("model @ host").
    QString remoteUrl;
    QString remoteKey;
    QString remoteModel;
    bool isRemote() const { return !remoteUrl.isEmpty(); }
};

// What the UI shows about the loaded model.
struct ModelDetails {
    QString path;
    QString name;
    QString architecture;
    QString quantization; // dominant tensor type, e.g. "Q4_0"
    QString backendName;  // "vulkan: <device>" or "reference"
    QString chatTemplate; // template family
    qint64 fileBytes = 0;
    qint64 parameterCount = 0;
    int trainedContext = 0;
    bool remote = false; // answered by a server elsewhere: what the user types leaves this PC
};

class InferenceBackend {
public:
    virtual ~InferenceBackend() = default;

    // Loads a model, replacing the current one. Throws std::exception with a human message.
    virtual ModelDetails load(const LoadRequest& request, const std::function<void(float)>& progress) = 0;
    virtual bool isLoaded() const = 0;
    // Frees the model and its session (memory, GPU buffers); isLoaded() is false afterwards.
    virtual void unload() = 0;

    // Chat messages -> prompt tokens, ending with the opening of an assistant turn.
    virtual std::vector<int32_t> renderChat(const std::vector<sosoik::ChatMessage>& messages) const = 0;
    virtual int countTokens(const std::string& text) const = 0;
    // Plain text -> prompt tokens (BOS as the model asks), for completions without a chat template.
    // Backends that only answer chats keep this default, which refuses with a human message.
    virtual std::vector<int32_t> renderText(const std::string& text) const {
        throw std::runtime_error("This engine only answers chat messages.");
    }
    virtual std::vector<std::string> stopStrings() const = 0;

    // Makes sure the session has this context length (recreating it, and losing its cache, if not).
    virtual void prepareSession(int contextLength) = 0;
    virtual int sessionContextLength() const = 0;

    virtual sosoik::GenerateStats
    generate(const std::vector<int32_t>& prompt, const sosoik::GenerateOptions& options,
             const std::function<bool(const std::string& text, int32_t token)>& onText) = 0;

    // Backends that take chat messages as they are (a remote server renders and tokenizes them itself)
    // answer true: the worker then calls generateChat() with the messages that fit instead of generate().
    // Their renderChat()/countTokens() are estimates used only to fit the context.
    virtual bool answersMessages() const { return false; }
    virtual sosoik::GenerateStats
    generateChat(const std::vector<sosoik::ChatMessage>& messages, const sosoik::GenerateOptions& options,
                 const std::function<bool(const std::string& text, int32_t token)>& onText) {
        throw std::runtime_error("This engine does not answer chat messages directly.");
    }

    // Thread-safe: asks a running generate() to stop within one token.
    virtual void cancel() = 0;
    // Called by the worker before each request, on the worker thread.
    virtual void resetCancel() = 0;
};

} // namespace sosoik::app

Q_DECLARE_METATYPE(sosoik::app::LoadRequest)
Q_DECLARE_METATYPE(sosoik::app::ModelDetails)
