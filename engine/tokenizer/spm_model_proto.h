#pragma once
// GGUF stores a SentencePiece vocabulary as pieces, scores and token types, not as the
// original .model file; this rebuilds an equivalent serialized ModelProto for libsentencepiece.
#include "tokenizer/vocab.h"

#include <string>

namespace sosoik::tok {

// Serialized sentencepiece ModelProto: BPE model, byte fallback when the vocab has byte pieces,
// identity normalization with whitespace escaped to "▁". Control, unknown-typed and markup-like
// user-defined tokens become CONTROL pieces, so sentencepiece never produces them from text
// (VocabTokenizer matches those itself, where it is allowed to); plain user-defined tokens stay
// USER_DEFINED and are matched by sentencepiece everywhere.
// dummyPrefix: let sentencepiece add the "▁" prefix (otherwise the caller adds it per text run).
std::string buildSentencePieceModel(const Vocab& vocab, bool dummyPrefix);

// "<0x0A>" -> 0x0A; -1 when the text is not a byte piece.
int parseBytePiece(std::string_view piece);

} // namespace sosoik::tok
