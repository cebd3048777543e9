#pragma once
// What SentencePiece and byte-level BPE tokenizers share: the vocabulary, special-token
// splitting, BOS/EOS handling and detokenization. Subclasses only turn a run of ordinary text
// into ids and say how a normal token's piece maps back to bytes.
#include "sosoik/tokenizer.h"
#include "tokenizer/special_tokens.h"
#include "tokenizer/vocab.h"

#include <unordered_map>
#include <unordered_set>

namespace sosoik::tok {

class VocabTokenizer : public Tokenizer {
public:
    // matchPlainAddedTokens: split plain user-defined tokens out of the text here (byte-level
    // BPE); SentencePiece matches them itself, the way the original .model file does.
    explicit VocabTokenizer(Vocab vocab, bool matchPlainAddedTokens = true);

    struct Segment {
        std::string_view text;
        bool allowSpecial; // markup tokens are recognized in this segment
    };
    // Tokenizes the concatenation of segments as one text, recognizing markup tokens only inside
    // segments that allow it. Adjacent text is tokenized together, exactly as if it were one string.
    std::vector<int32_t> encodeSegments(const std::vector<Segment>& segments, bool addBos) const;

    std::vector<int32_t> encode(std::string_view text, bool addBos, bool parseSpecial = false) const override;
    std::string decode(const std::vector<int32_t>& ids, bool renderSpecial = false) const override;
    std::string tokenBytes(int32_t id) const override;
    std::string piece(int32_t id) const override;
    int vocabSize() const override { return vocab_.size(); }
    int32_t bos() const override { return vocab_.bos; }
    int32_t eos() const override { return vocab_.eos; }
    bool addBosByDefault() const override { return vocab_.addBos; }
    bool isEndOfGeneration(int32_t id) const override { return endOfGeneration_.count(id) > 0; }
    std::string kind() const override { return vocab_.model; }

    int32_t findToken(std::string_view piece) const; // -1 when absent
    const Vocab& vocab() const { return vocab_; }
    // Tokens that render only with renderSpecial (control, markup, unknown-typed).
    bool isSpecial(int32_t id) const;

protected:
    // Appends the ids of text that contains no special tokens. atTextStart: nothing but special
    // tokens precede it (SentencePiece adds its dummy-prefix space there).
    virtual void encodeText(std::string_view text, bool atTextStart, std::vector<int32_t>& out) const = 0;
    // Bytes of any token that is not control/unknown (normal, byte, user-defined, unused).
    virtual std::string normalBytes(int32_t id) const = 0;
    // SentencePiece: the dummy-prefix space of the first piece is not part of the text.
    virtual bool stripsLeadingSpace() const { return false; }

private:
    Vocab vocab_;
    std::unordered_map<std::string_view, int32_t> ids_;
    std::vector<bool> special_;
    std::unordered_set<int32_t> endOfGeneration_;
    SpecialTokenMatcher matcher_;
};

} // namespace sosoik::tok
