#pragma once
// The app's engine: the local one (SosoikBackend) or, when the user picked an
// OpenAI-compatible server, a RemoteBackend — chosen by what the EngineWorker
// is asked to load, so every feature that uses the worker (chat, summaries,
// tray) works with either. Loading one frees the other.
#include "inference/inference_backend.h"

#include <atomic>
#include <memory>

namespace sosoik::app::remote {

class RemoteBackend;

class RoutingBackend : public InferenceBackend {
public:
    explicit RoutingBackend(std::unique_ptr<InferenceBackend> local);
    ~RoutingBackend() override;

    ModelDetails load(const LoadRequest& request, const std::function<void(float)>& progress) override;
    bool isLoaded() const override { return active()->isLoaded(); }
    void unload() override;
    std::vector<int32_t> renderChat(const std::vector<sosoik::ChatMessage>& messages) const override {
        return active()->renderChat(messages);
    }
    int countTokens(const std::string& text) const override { return active()->countTokens(text); }
    std::vector<int32_t> renderText(const std::string& text) const override {
        return active()->renderText(text);
    }
    std::vector<std::string> stopStrings() const override { return active()->stopStrings(); }
    void prepareSession(int contextLength) override { active()->prepareSession(contextLength); }
    int sessionContextLength() const override { return active()->sessionContextLength(); }
    sosoik::GenerateStats generate(const std::vector<int32_t>& prompt, const sosoik::GenerateOptions& options,
                                   const std::function<bool(const std::string&, int32_t)>& onText) override {
        return active()->generate(prompt, options, onText);
    }
    bool answersMessages() const override { return active()->answersMessages(); }
    sosoik::GenerateStats
    generateChat(const std::vector<sosoik::ChatMessage>& messages, const sosoik::GenerateOptions& options,
                 const std::function<bool(const std::string&, int32_t)>& onText) override {
        return active()->generateChat(messages, options, onText);
    }
    void cancel() override { active()->cancel(); } // any thread: active_ is atomic, both backends live on
    void resetCancel() override { active()->resetCancel(); }

private:
    InferenceBackend* active() const { return active_.load(); }

    std::unique_ptr<InferenceBackend> local_;
    std::unique_ptr<RemoteBackend> remote_; // created when a server is first chosen
    std::atomic<InferenceBackend*> active_;
};

} // namespace sosoik::app::remote
