#include "summarize/prompts.h"

namespace sosoik::summarize {
namespace {

bool korean(const PromptContext& ctx) {
    return ctx.language == QLatin1String("ko");
}

QList<LlmMessage> messages(const PromptContext& ctx, const QString& instructions, const QString& user) {
    if (familyHasSystemRole(ctx.family)) return {{"system", instructions}, {"user", user}};
    return {{"user", instructions + QStringLiteral("\n\n") + user}};
}

QString titleLine(const PromptContext& ctx) {
    if (ctx.title.isEmpty()) return {};
    return (korean(ctx) ? QStringLiteral("문서: %1\n") : QStringLiteral("Document: %1\n")).arg(ctx.title);
}

QString faithfulness(const PromptContext& ctx) {
    return korean(ctx)
               ? QStringLiteral(
                     "핵심 사실, 숫자, 이름, 날짜, 결정 사항을 정확히 유지하고, 본문에 없는 내용은 "
                     "절대 추가하지 마세요. 한국어로 쓰세요.")
               : QStringLiteral(
                     "Keep key facts, numbers, names, dates and decisions exactly; never add anything "
                     "that is not in the text. Write in English.");
}

} // namespace

bool familyHasSystemRole(const QString& family) {
    return family != QLatin1String("gemma") && family != QLatin1String("mistral");
}

QList<LlmMessage> mapPrompt(const PromptContext& ctx, const QString& chunkText, const QString& location,
                            int index, int total, int partialWords) {
    const QString instructions =
        (korean(ctx)
             ? QStringLiteral("당신은 긴 문서의 한 부분을 요약합니다. 아래 부분을 %1단어 이내로 간결하게 "
                              "요약하세요. ")
             : QStringLiteral(
                   "You summarize one part of a longer document. Summarize the part below in at most "
                   "%1 words. "))
            .arg(partialWords) +
        faithfulness(ctx);
    const QString header =
        korean(ctx) ? QStringLiteral("%1부분 %2/%3 (%4):\n\n") : QStringLiteral("%1Part %2 of %3 (%4):\n\n");
    return messages(ctx, instructions,
                    header.arg(titleLine(ctx)).arg(index + 1).arg(total).arg(location) + chunkText);
}

QList<LlmMessage> reducePrompt(const PromptContext& ctx, const QStringList& partials, bool final,
                               int partialWords) {
    QString instructions;
    if (final && korean(ctx))
        instructions =
            QStringLiteral("아래는 한 문서의 연속된 부분들을 요약한 것입니다. 이를 바탕으로 문서 전체의 "
                           "최종 요약을 약 %1단어로 쓰세요. 먼저 문서가 무엇에 관한 것인지 한 문장으로 "
                           "쓰고, 이어서 핵심 내용을 짧은 글머리표로 정리하세요. ")
                .arg(ctx.targetWords);
    else if (final)
        instructions =
            QStringLiteral(
                "Below are summaries of consecutive parts of one document. Write the final summary "
                "of the whole document in about %1 words: first one sentence on what the "
                "document is about, then the main points as short bullet points. ")
                .arg(ctx.targetWords);
    else if (korean(ctx))
        instructions =
            QStringLiteral("아래는 한 문서의 연속된 부분들을 요약한 것입니다. 이를 하나의 요약으로 합쳐 "
                           "%1단어 이내로 쓰세요. ")
                .arg(partialWords);
    else
        instructions =
            QStringLiteral("Below are summaries of consecutive parts of one document. Merge them into one "
                           "summary of at most %1 words. ")
                .arg(partialWords);
    instructions += faithfulness(ctx);
    QStringList numbered;
    for (int i = 0; i < partials.size(); ++i)
        numbered << QStringLiteral("[%1] %2").arg(i + 1).arg(partials[i].trimmed());
    return messages(ctx, instructions,
                    titleLine(ctx) + QLatin1Char('\n') + numbered.join(QStringLiteral("\n\n")));
}

QList<LlmMessage> singlePassPrompt(const PromptContext& ctx, const QString& documentText) {
    const QString instructions =
        (korean(ctx) ? QStringLiteral(
                           "아래 문서를 약 %1단어로 요약하세요. 먼저 문서가 무엇에 관한 것인지 한 문장으로 "
                           "쓰고, 이어서 핵심 내용을 짧은 글머리표로 정리하세요. ")
                     : QStringLiteral(
                           "Summarize the document below in about %1 words: first one sentence on what the "
                           "document is about, then the main points as short bullet points. "))
            .arg(ctx.targetWords) +
        faithfulness(ctx);
    return messages(ctx, instructions, titleLine(ctx) + QLatin1Char('\n') + documentText);
}

QList<LlmMessage> followUpPrompt(const PromptContext& ctx, const QString& question,
                                 const QList<Excerpt>& excerpts) {
    const QString instructions =
        korean(ctx)
            ? QStringLiteral(
                  "문서에서 발췌한 아래 내용만 근거로 질문에 답하세요. 사용한 발췌의 위치를 [p. 3]처럼 "
                  "대괄호로 인용하세요. 발췌에 답이 없으면 없다고 말하세요. 한국어로 답하세요.")
            : QStringLiteral(
                  "Answer the question using only the excerpts from the document below. Cite the location "
                  "of each excerpt you use in square brackets, like [p. 3]. If the excerpts do not contain "
                  "the answer, say so. Answer in English.");
    QStringList parts;
    for (const Excerpt& e : excerpts)
        parts << QStringLiteral("[%1]\n%2").arg(e.location, e.text.trimmed());
    const QString questionLabel = korean(ctx) ? QStringLiteral("질문: ") : QStringLiteral("Question: ");
    return messages(ctx, instructions,
                    titleLine(ctx) + QLatin1Char('\n') + parts.join(QStringLiteral("\n\n")) +
                        QStringLiteral("\n\n") + questionLabel + question);
}

} // namespace sosoik::summarize
