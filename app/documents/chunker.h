#pragma once
// Cuts a streamed document into chunks that fit the model's context, measured with the model's
// own tokenizer, preferring paragraph boundaries, then sentence boundaries (English and Korean),
// and only as a last resort whitespace or a hard cut (e.g. a 1 MB single-line file).
#include "documents/text_block.h"

#include <QList>
#include <QString>
#include <functional>

namespace sosoik::documents {

// Number of tokens the loaded model's tokenizer produces for a text (no BOS).
using TokenCounter = std::function<int(const QString&)>;

struct Chunk {
    int index = 0;
    QString text;
    int tokens = 0;
    int firstPage = 0; // 0 when the format has no pages
    int lastPage = 0;
    QString section; // heading the chunk starts under, if known
    // "p. 3", "pp. 3–4" or "§ Heading": what a citation of this chunk says.
    QString location() const;
};

// Tokens left for a chunk once the prompt's fixed part and the answer are reserved, with a small
// safety margin because token counts of concatenated pieces can differ slightly from their sum.
int chunkTokenBudget(int contextLength, int promptTokens, int answerTokens);

// Splits a paragraph after sentence endings (. ? ! … 。 ？ ！, closing quotes included, so
// Korean "…했다." "…해요?" end a sentence) and at line breaks; pieces keep their trailing
// whitespace, so concatenating them gives the paragraph back.
QStringList splitSentences(const QString& paragraph);

class Chunker {
public:
    using ChunkSink = std::function<void(Chunk&&)>;
    Chunker(int maxTokens, TokenCounter countTokens, ChunkSink sink);

    void add(const TextBlock& block);
    void finish();
    int chunkCount() const { return nextIndex_; }

private:
    struct Unit {
        QString text;
        int tokens = 0;
        int page = 0;
        QString section;
    };

    void flushCarry(bool paragraphEnd);
    void addParagraph(const QList<Unit>& units, bool wholeParagraph);
    void appendUnit(const Unit& unit, bool startsParagraph);
    void emitCurrent();
    QList<Unit> measure(const QString& text, int page, const QString& section);
    void splitOversized(const QString& text, int page, const QString& section, QList<Unit>& out);

    int maxTokens_;
    qsizetype hardCharCap_; // longest text ever handed to the token counter
    TokenCounter count_;
    ChunkSink sink_;

    QString carry_; // text of the paragraph not yet cut into sentences
    int carryPage_ = 0;
    QString carrySection_;
    bool carryStartsParagraph_ = true;

    Chunk current_;
    bool currentEmpty_ = true;
    int nextIndex_ = 0;
};

// Convenience for whole texts (tests, short inputs): paragraphs are separated by blank lines.
QList<Chunk> chunkText(const QString& text, int maxTokens, const TokenCounter& countTokens);

} // namespace sosoik::documents
