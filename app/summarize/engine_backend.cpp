#include "summarize/engine_backend.h"

namespace sosoik::summarize {

EngineSummarizerBackend::EngineSummarizerBackend(sosoik::Model& model, int contextLength)
    : model_(model), session_(sosoik::Session::create(model, contextLength)) {
    sampler.temperature = 0.2f;
    sampler.topK = 40;
    sampler.topP = 0.9f;
    sampler.repeatPenalty = 1.1f;
}

int EngineSummarizerBackend::contextLength() const {
    return session_->contextLength();
}

int EngineSummarizerBackend::countTokens(const QString& text) const {
    return int(model_.tokenizer().encode(text.toStdString(), false, false).size());
}

QString EngineSummarizerBackend::chatFamily() const {
    const QString family = QString::fromStdString(model_.info().chatTemplateFamily);
    return family.section(QLatin1Char(' '), 0, 0); // "chatml (fallback: chatml)" → "chatml"
}

std::vector<int32_t> EngineSummarizerBackend::render(const QList<LlmMessage>& messages) const {
    std::vector<sosoik::ChatMessage> chat;
    for (const LlmMessage& m : messages)
        chat.push_back({m.role.toStdString(), m.content.toStdString()});
    return sosoik::renderTokens(model_.chatTemplate(), model_.tokenizer(), chat, true);
}

int EngineSummarizerBackend::countPromptTokens(const QList<LlmMessage>& messages) const {
    return int(render(messages).size());
}

QString EngineSummarizerBackend::complete(const QList<LlmMessage>& messages, int maxTokens,
                                          const std::function<void(const QString&)>& onToken,
                                          const std::atomic<bool>& cancel) {
    if (cancel.load()) return {};
    session_->resetCancel();
    const std::vector<int32_t> prompt = render(messages);
    sosoik::GenerateOptions options;
    options.sampler = sampler;
    options.maxNewTokens = std::max(1, std::min(maxTokens, session_->contextLength() - int(prompt.size())));
    options.stopStrings = model_.chatTemplate().stopStrings();
    std::string text;
    try {
        sosoik::generate(model_, *session_, prompt, options, [&](const std::string& piece, int32_t) {
            text += piece;
            if (onToken) onToken(QString::fromStdString(piece));
            return !cancel.load();
        });
    } catch (const sosoik::Error& e) {
        if (e.kind() != sosoik::Error::Kind::Cancelled) throw;
    }
    return QString::fromStdString(text);
}

} // namespace sosoik::summarize
