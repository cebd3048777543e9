#include "summarize/query_terms.h"

#include <QRegularExpression>
#include <QSet>

namespace sosoik::summarize {
namespace {

const QSet<QString> kStopwords = {
    "a",      "an",    "the",    "of",       "in",     "on",     "for",   "to",     "and",  "or",
    "is",     "are",   "was",    "were",     "be",     "been",   "do",    "does",   "did",  "what",
    "which",  "who",   "whom",   "when",     "where",  "why",    "how",   "many",   "much", "this",
    "that",   "these", "those",  "it",       "its",    "by",     "with",  "about",  "from", "as",
    "at",     "tell",  "me",     "please",   "can",    "could",  "would", "should", "you",  "your",
    "say",    "says",  "said",   "document", "there",  "any",    "some",  "all",    "than", "then",
    "무엇",   "뭐",    "뭔가",   "어떻게",   "얼마",   "얼마나", "언제",  "어디",   "누가", "누구",
    "왜",     "어느",  "알려줘", "알려",     "주세요", "문서",   "그",    "이",     "저",   "것",
    "있나요", "있어",  "해줘",   "무슨",     "어떤",   "대해",   "대한",  "관해",   "설명"};

// Longest first, so "에서는" wins over "는".
const QStringList kParticles = {"에서는", "이라는", "인가요", "입니까", "였나요", "이었나", "에서", "으로",
                                "에게",   "까지",   "부터",   "이란",   "인가",   "였나",   "이다", "에는",
                                "은",     "는",     "이",     "가",     "을",     "를",     "의",   "에",
                                "도",     "로",     "와",     "과",     "란",     "요"};

bool isHangul(QChar c) {
    return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3;
}

} // namespace

QString stripKoreanParticle(const QString& word) {
    if (word.isEmpty() || !isHangul(word.back())) return word;
    for (const QString& p : kParticles)
        if (word.endsWith(p) && word.size() - p.size() >= 2) return word.left(word.size() - p.size());
    return word;
}

QueryTerms questionTerms(const QString& question) {
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    QueryTerms terms;
    QSet<QString> seen;
    for (QString word : question.toLower().split(separators, Qt::SkipEmptyParts)) {
        word = stripKoreanParticle(word);
        if (kStopwords.contains(word) || seen.contains(word)) continue;
        seen.insert(word);
        if (word.size() >= 3)
            terms.indexable << word;
        else if (word.size() == 2)
            terms.shortTerms << word;
    }
    return terms;
}

} // namespace sosoik::summarize
