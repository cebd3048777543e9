#include "documents/chunker.h"

#include <QRegularExpression>
#include <algorithm>

namespace sosoik::documents {
namespace {

bool isSentenceEnd(QChar c) {
    return c == u'.' || c == u'?' || c == u'!' || c == u'…';
}
// Full-width CJK punctuation ends a sentence even without a following space.
bool isWideSentenceEnd(QChar c) {
    return c == u'。' || c == u'？' || c == u'！' || c == u'．';
}
bool isCloser(QChar c) {
    return c == u'"' || c == u'\'' || c == u')' || c == u']' || c == u'”' || c == u'’' || c == u'」' ||
           c == u'』' || c == u'）';
}

// Index to cut text before, at most limit: prefer the last whitespace in the final fifth, never
// between the halves of a surrogate pair.
qsizetype cutPoint(const QString& text, qsizetype limit) {
    limit = std::clamp<qsizetype>(limit, 1, text.size());
    for (qsizetype i = limit; i > limit * 4 / 5; --i)
        if (text.at(i - 1).isSpace()) return i;
    if (limit < text.size() && text.at(limit).isLowSurrogate() && limit > 1) --limit;
    return limit;
}

} // namespace

QString Chunk::location() const {
    if (firstPage > 0)
        return firstPage == lastPage ? QStringLiteral("p. %1").arg(firstPage)
                                     : QStringLiteral("pp. %1–%2").arg(firstPage).arg(lastPage);
    if (!section.isEmpty()) return QStringLiteral("§ %1").arg(section);
    return QStringLiteral("part %1").arg(index + 1);
}

int chunkTokenBudget(int contextLength, int promptTokens, int answerTokens) {
    const int margin = std::max(16, contextLength / 32);
    return std::max(0, contextLength - promptTokens - answerTokens - margin);
}

QStringList splitSentences(const QString& paragraph) {
    QStringList out;
    const qsizetype n = paragraph.size();
    qsizetype start = 0;
    auto cut = [&](qsizetype end) {
        while (end < n && paragraph.at(end).isSpace())
            ++end; // trailing whitespace stays with the sentence
        out << paragraph.mid(start, end - start);
        start = end;
        return end;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = paragraph.at(i);
        if (c == u'\n') {
            i = cut(i + 1) - 1;
        } else if (isWideSentenceEnd(c)) {
            qsizetype j = i + 1;
            while (j < n && (isCloser(paragraph.at(j)) || isWideSentenceEnd(paragraph.at(j))))
                ++j;
            i = cut(j) - 1;
        } else if (isSentenceEnd(c)) {
            qsizetype j = i + 1;
            while (j < n && (isCloser(paragraph.at(j)) || isSentenceEnd(paragraph.at(j))))
                ++j;
            if (j == n || paragraph.at(j).isSpace()) i = cut(j) - 1; // "3.14" and "e.g.x" stay whole
        }
    }
    if (start < n) out << paragraph.mid(start);
    return out;
}

Chunker::Chunker(int maxTokens, TokenCounter countTokens, ChunkSink sink)
    : maxTokens_(std::max(1, maxTokens)), hardCharCap_(std::max<qsizetype>(64, qsizetype(maxTokens) * 8)),
      count_(std::move(countTokens)), sink_(std::move(sink)) {}

void Chunker::add(const TextBlock& block) {
    if (carry_.isEmpty()) {
        carryPage_ = block.page;
        carrySection_ = block.section;
    }
    carry_ += block.text;
    flushCarry(block.paragraphEnd);
}

void Chunker::finish() {
    flushCarry(true);
    emitCurrent();
}

void Chunker::flushCarry(bool paragraphEnd) {
    QStringList sentences = splitSentences(carry_);
    QString keep;
    QList<Unit> units;
    if (!paragraphEnd && !sentences.isEmpty()) keep = sentences.takeLast(); // may continue in the next block
    for (const QString& s : sentences)
        units += measure(s, carryPage_, carrySection_);
    if (keep.size() > 2 * hardCharCap_) {
        // A boundary-less run (a single-line file): cut off full pieces now so memory stays
        // bounded, and carry the last, partly filled piece on to join the next block.
        QList<Unit> pieces;
        splitOversized(keep, carryPage_, carrySection_, pieces);
        keep = pieces.isEmpty() ? QString() : pieces.takeLast().text;
        units += pieces;
    }
    addParagraph(units, paragraphEnd && carryStartsParagraph_);
    if (!units.isEmpty()) carryStartsParagraph_ = paragraphEnd;
    if (paragraphEnd) carryStartsParagraph_ = true;
    carry_ = keep;
}

void Chunker::addParagraph(const QList<Unit>& units, bool wholeParagraph) {
    if (units.isEmpty()) return;
    int total = 0;
    for (const Unit& u : units)
        total += u.tokens;
    if (wholeParagraph && total <= maxTokens_) {
        // Keep a paragraph together when that costs at most half a chunk of unused room.
        if (!currentEmpty_ && current_.tokens + total > maxTokens_ && current_.tokens >= maxTokens_ / 2)
            emitCurrent();
        if (currentEmpty_ || current_.tokens + total <= maxTokens_) {
            for (qsizetype i = 0; i < units.size(); ++i)
                appendUnit(units[i], i == 0);
            return;
        }
    }
    for (qsizetype i = 0; i < units.size(); ++i)
        appendUnit(units[i], i == 0 && carryStartsParagraph_);
}

void Chunker::appendUnit(const Unit& unit, bool startsParagraph) {
    if (!currentEmpty_ && current_.tokens + unit.tokens > maxTokens_) emitCurrent();
    if (currentEmpty_) {
        current_ = Chunk{};
        current_.section = unit.section;
        current_.firstPage = current_.lastPage = unit.page;
        currentEmpty_ = false;
    } else if (startsParagraph) {
        while (!current_.text.isEmpty() && current_.text.back().isSpace())
            current_.text.chop(1);
        current_.text += QStringLiteral("\n\n");
    }
    current_.text += unit.text;
    current_.tokens += unit.tokens;
    if (unit.page > 0) {
        if (current_.firstPage == 0) current_.firstPage = unit.page;
        current_.lastPage = std::max(current_.lastPage, unit.page);
    }
}

void Chunker::emitCurrent() {
    if (currentEmpty_) return;
    current_.text = current_.text.trimmed();
    current_.index = nextIndex_++;
    currentEmpty_ = true;
    sink_(std::move(current_));
    current_ = Chunk{};
}

QList<Chunker::Unit> Chunker::measure(const QString& text, int page, const QString& section) {
    QList<Unit> out;
    if (text.trimmed().isEmpty()) return out;
    if (text.size() > hardCharCap_) {
        splitOversized(text, page, section, out);
        return out;
    }
    const int tokens = count_(text);
    if (tokens > maxTokens_)
        splitOversized(text, page, section, out);
    else
        out << Unit{text, tokens, page, section};
    return out;
}

// A sentence longer than a chunk: cut at whitespace (or anywhere, for text without spaces) into
// pieces that nearly fill a chunk, never handing the counter more than hardCharCap_ characters.
void Chunker::splitOversized(const QString& text, int page, const QString& section, QList<Unit>& out) {
    QString rest = text;
    qsizetype limit = hardCharCap_;
    while (!rest.isEmpty()) {
        const qsizetype at = rest.size() > limit ? cutPoint(rest, limit) : rest.size();
        const QString piece = rest.left(at);
        const int tokens = count_(piece);
        if (tokens <= maxTokens_ || piece.size() <= 1) {
            if (!piece.trimmed().isEmpty()) out << Unit{piece, tokens, page, section};
            rest.remove(0, at);
            continue;
        }
        // Too many tokens: aim just under the budget using this piece's characters per token.
        const auto estimate = qsizetype(double(piece.size()) * maxTokens_ / tokens * 0.95);
        limit = std::clamp<qsizetype>(estimate, 1, piece.size() * 9 / 10);
    }
}

QList<Chunk> chunkText(const QString& text, int maxTokens, const TokenCounter& countTokens) {
    QList<Chunk> chunks;
    Chunker chunker(maxTokens, countTokens, [&](Chunk&& c) { chunks << std::move(c); });
    static const QRegularExpression blankLine(QStringLiteral("\\n[ \\t\\r]*\\n"));
    for (const QString& paragraph : text.split(blankLine, Qt::SkipEmptyParts))
        chunker.add({paragraph, 0, {}, true});
    chunker.finish();
    return chunks;
}

} // namespace sosoik::documents
