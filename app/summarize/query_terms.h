#pragma once
// Search terms of a follow-up question about a document, for BM25 retrieval over its chunks.
// Korean words lose their trailing particle ("매출은" → "매출") so they match other inflections;
// question words and stopwords ("what", "무엇") are dropped.
#include <QStringList>

namespace sosoik::summarize {

struct QueryTerms {
    QStringList indexable;  // ≥ 3 characters: matched by the FTS5 trigram index (BM25-ranked)
    QStringList shortTerms; // 2 characters (common Korean nouns): matched by substring
    bool isEmpty() const { return indexable.isEmpty() && shortTerms.isEmpty(); }
};

QueryTerms questionTerms(const QString& question);
QString stripKoreanParticle(const QString& word);

} // namespace sosoik::summarize
