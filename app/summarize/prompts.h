#pragma once
// Every prompt the summary and follow-up features send, in one place, in English and Korean.
// Instructions go in a system message where the model family's chat template has one; families
// trained without a system role (Gemma, Mistral) get them at the top of the user turn.
#include "summarize/llm_backend.h"

#include <QStringList>

namespace sosoik::summarize {

struct PromptContext {
    QString language = QStringLiteral("en"); // "en" or "ko": the answer's language
    int targetWords = 200;                   // length of the final summary
    QString family = QStringLiteral("chatml");
    QString title; // document title (file name)
};

bool familyHasSystemRole(const QString& family);

// One chunk of a longer document → a partial summary of at most partialWords words.
QList<LlmMessage> mapPrompt(const PromptContext& ctx, const QString& chunkText, const QString& location,
                            int index, int total, int partialWords);
// Partial summaries (in document order) → one; final: the answer shown to the user.
QList<LlmMessage> reducePrompt(const PromptContext& ctx, const QStringList& partials, bool final,
                               int partialWords);
// A short document that fits the context → the answer in one pass.
QList<LlmMessage> singlePassPrompt(const PromptContext& ctx, const QString& documentText);

struct Excerpt {
    QString location; // "p. 3", "§ Terms", "part 2"
    QString text;
};
// A follow-up question answered from retrieved excerpts, citing their locations.
QList<LlmMessage> followUpPrompt(const PromptContext& ctx, const QString& question,
                                 const QList<Excerpt>& excerpts);

} // namespace sosoik::summarize
