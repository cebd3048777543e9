#pragma once
// The real engine behind the EngineWorker: one sosoik::Model and one sosoik::Session whose
// KV cache carries over between requests (generate() reuses the common token prefix).
#include "inference/inference_backend.h"

#include <QMutex>
#include <QVariantList>

#include <memory>

namespace sosoik {
struct LoadOptions;
class Model;
class Session;
} // namespace sosoik

namespace sosoik::app {

class SosoikBackend : public InferenceBackend {
public:
    SosoikBackend();
    ~SosoikBackend() override;

    ModelDetails load(const LoadRequest& request, const std::function<void(float)>& progress) override;
    bool isLoaded() const override { return model_ != nullptr; }
    void unload() override;
    std::vector<int32_t> renderChat(const std::vector<sosoik::ChatMessage>& messages) const override;
    int countTokens(const std::string& text) const override;
    std::vector<int32_t> renderText(const std::string& text) const override;
    std::vector<std::string> stopStrings() const override;
    void prepareSession(int contextLength) override;
    int sessionContextLength() const override;
    sosoik::GenerateStats generate(const std::vector<int32_t>& prompt, const sosoik::GenerateOptions& options,
                                   const std::function<bool(const std::string&, int32_t)>& onText) override;
    void cancel() override;
    void resetCancel() override;

    // What load() asks of the engine for this request (device, threads, CPU prompt math, no progress).
    static sosoik::LoadOptions loadOptions(const LoadRequest& request);
    // Header-only facts for the model picker (no weights loaded); throws sosoik::Error.
    static ModelDetails inspect(const QString& path);
    // The Vulkan devices a model can run on, as the picker lists them: index, name, type.
    static QVariantList listDevices();

private:
    std::unique_ptr<sosoik::Model> model_;
    std::unique_ptr<sosoik::Session> session_;
    mutable QMutex sessionMutex_; // cancel() arrives from the UI thread while the session may be replaced
};

} // namespace sosoik::app
