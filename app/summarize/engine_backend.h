#pragma once
// SummarizerBackend on the engine itself: a loaded sosoik::Model and one Session whose KV cache
// is reused between calls (consecutive map prompts share the instruction prefix).
#include "sosoik/sosoik.h"
#include "summarize/llm_backend.h"

#include <memory>

namespace sosoik::summarize {

class EngineSummarizerBackend : public SummarizerBackend {
public:
    // contextLength <= 0: the session's default (min(trained context, 4096)).
    explicit EngineSummarizerBackend(sosoik::Model& model, int contextLength = 0);

    int contextLength() const override;
    int countTokens(const QString& text) const override;
    QString chatFamily() const override;
    int countPromptTokens(const QList<LlmMessage>& messages) const override;
    QString complete(const QList<LlmMessage>& messages, int maxTokens,
                     const std::function<void(const QString&)>& onToken,
                     const std::atomic<bool>& cancel) override;
    void interrupt() override { session_->cancel(); }

    // Summaries want faithful, low-temperature sampling.
    sosoik::SamplerParams sampler;

private:
    std::vector<int32_t> render(const QList<LlmMessage>& messages) const;

    sosoik::Model& model_;
    std::unique_ptr<sosoik::Session> session_;
};

} // namespace sosoik::summarize
