#pragma once
// What the summary pipeline needs from a language model. The engine implements it
// (EngineSummarizerBackend); tests use a scripted fake, so the pipeline is testable without one.
#include <QList>
#include <QString>
#include <atomic>
#include <functional>

namespace sosoik::summarize {

struct LlmMessage {
    QString role; // "system", "user", "assistant"
    QString content;
};

class SummarizerBackend {
public:
    virtual ~SummarizerBackend() = default;
    virtual int contextLength() const = 0; // tokens the session can hold
    virtual int countTokens(const QString& text) const = 0;
    virtual QString chatFamily() const = 0; // "chatml", "llama3", "gemma", … (see chat_template.h)
    // Tokens of the rendered prompt (chat markup included) for these messages.
    virtual int countPromptTokens(const QList<LlmMessage>& messages) const = 0;
    // Generates a reply of at most maxTokens; onToken (may be empty) receives text as it is
    // produced. Returns within one token once cancel is set, with the text produced so far.
    virtual QString complete(const QList<LlmMessage>& messages, int maxTokens,
                             const std::function<void(const QString&)>& onToken,
                             const std::atomic<bool>& cancel) = 0;
    // Thread-safe: makes a running complete() return promptly, even while it evaluates a long
    // prompt (where the cancel flag is not looked at between tokens).
    virtual void interrupt() {}
};

} // namespace sosoik::summarize
