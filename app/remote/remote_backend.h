#pragma once
// An OpenAI-compatible server (vLLM, llama.cpp's llama-server, another Sosoik's `sosoik-cli serve`) as
// the EngineWorker's engine: chat, regenerate, Stop, document summaries and the tray quick query then use
// it exactly like a local model. Every call runs on the worker thread and blocks there like the local
// engine's; the HTTP itself runs on a NetworkThread (http_exchange.h says why). cancel() from any thread
// ends a running answer within ~20 ms by closing its connection, which a streaming server takes as a
// cancel (sosoik-cli serve stops generating within one token).
//
// The server tokenizes for itself, so renderChat()/countTokens() are estimates (UTF-8 bytes / 3, on the
// high side for English and Korean alike) used only to fit the prompt into the context; the token counts
// shown after an answer are the server's own when it reports `usage`.
//
// Offline guarantee: this object opens no connection until load() is given a server the user chose. The
// key is sent only to that server, as "Authorization: Bearer", and appears in no message or log.
#include "inference/inference_backend.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <atomic>
#include <memory>

class QNetworkRequest;

namespace sosoik::app::remote {

class HttpExchange;
class NetworkThread;

// "gpu-box:8000", "http://gpu-box:8000/" or ".../v1/" -> "http://gpu-box:8000/v1". Empty when the text
// is not an http(s) address.
QUrl normalizeBaseUrl(const QString& text);
// Rough token count of text for a server whose tokenizer is not on this PC.
int estimateTokens(const std::string& text);

class RemoteBackend : public InferenceBackend {
    Q_DECLARE_TR_FUNCTIONS(RemoteBackend)
public:
    RemoteBackend();
    ~RemoteBackend() override;

    // request.remoteUrl, remoteKey, remoteModel (empty: the server's first model). Asks GET /models.
    ModelDetails load(const LoadRequest& request, const std::function<void(float)>& progress) override;
    bool isLoaded() const override { return loaded_; }
    void unload() override;
    std::vector<int32_t> renderChat(const std::vector<sosoik::ChatMessage>& messages) const override;
    int countTokens(const std::string& text) const override { return estimateTokens(text); }
    std::vector<std::string> stopStrings() const override { return {}; }
    void prepareSession(int contextLength) override;
    int sessionContextLength() const override { return context_; }
    sosoik::GenerateStats generate(const std::vector<int32_t>& prompt, const sosoik::GenerateOptions& options,
                                   const std::function<bool(const std::string&, int32_t)>& onText) override;
    bool answersMessages() const override { return true; }
    // POST /chat/completions with stream: true; each piece of text goes to onText as it arrives.
    sosoik::GenerateStats
    generateChat(const std::vector<sosoik::ChatMessage>& messages, const sosoik::GenerateOptions& options,
                 const std::function<bool(const std::string&, int32_t)>& onText) override;
    void cancel() override { cancelled_.store(true); }
    void resetCancel() override { cancelled_.store(false); }

private:
    QNetworkRequest makeRequest(const QString& endpoint, int timeoutMs) const;
    // Waits for the whole response (aborting it on cancel()); false when cancelled.
    bool waitForAll(HttpExchange& exchange, QByteArray* body);
    // Throws the human message for a response that failed (no connection, an HTTP error status).
    [[noreturn]] void throwFailure(const HttpExchange& exchange, const QByteArray& body) const;

    std::unique_ptr<NetworkThread> network_; // created by the first load: offline until then
    QUrl base_;
    QString key_;
    QString model_;
    int serverContext_ = 0; // what the server says its model holds (vLLM's max_model_len); 0 = unknown
    int context_ = 4096;
    bool loaded_ = false;
    std::atomic<bool> cancelled_{false};
};

} // namespace sosoik::app::remote
