#include "tokenizer/spm_model_proto.h"

#include "sosoik/error.h"
#include "tokenizer/protobuf_writer.h"
#include "tokenizer/special_tokens.h"

namespace sosoik::tok {
namespace {

// Field numbers and enum values from sentencepiece_model.proto.
namespace ModelProto {
constexpr uint32_t kPieces = 1, kTrainerSpec = 2, kNormalizerSpec = 3;
}
namespace Piece {
constexpr uint32_t kPiece = 1, kScore = 2, kType = 3;
enum Type { Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 };
} // namespace Piece
namespace TrainerSpec {
constexpr uint32_t kModelType = 3, kVocabSize = 4, kByteFallback = 35, kUnkId = 40, kBosId = 41, kEosId = 42,
                   kPadId = 43;
constexpr int kBpe = 2;
} // namespace TrainerSpec
namespace NormalizerSpec {
constexpr uint32_t kName = 1, kAddDummyPrefix = 3, kRemoveExtraWhitespaces = 4, kEscapeWhitespaces = 5;
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

Piece::Type pieceType(const Vocab& v, int32_t id) {
    if (id == v.unk) return Piece::Unknown;
    switch (v.types[id]) {
    case TokenType::Normal:
    case TokenType::Undefined:
        return Piece::Normal;
    case TokenType::Unused:
        return Piece::Unused;
    case TokenType::Byte:
        return parseBytePiece(v.tokens[id]) >= 0 ? Piece::Byte : Piece::Control;
    case TokenType::UserDefined:
        // Plain added text (Gemma's runs of spaces, HTML tags) stays user-defined, so that
        // sentencepiece matches it as the original model file did; markup never comes from text.
        return looksLikeMarkup(v.tokens[id]) ? Piece::Control : Piece::UserDefined;
    default:
        return Piece::Control;
    }
}

} // namespace

int parseBytePiece(std::string_view p) {
    if (p.size() != 6 || !p.starts_with("<0x") || p[5] != '>') return -1;
    const int hi = hexDigit(p[3]), lo = hexDigit(p[4]);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

std::string buildSentencePieceModel(const Vocab& v, bool dummyPrefix) {
    if (!v.valid(v.unk))
        throw Error(Error::Kind::InvalidModel,
                    "The SentencePiece vocabulary has no unknown token (tokenizer.ggml.unknown_token_id).");
    pb::Writer model;
    bool hasBytes = false;
    for (int32_t id = 0; id < v.size(); ++id) {
        const Piece::Type type = pieceType(v, id);
        hasBytes |= type == Piece::Byte;
        pb::Writer piece;
        piece.bytesField(Piece::kPiece, v.tokens[id]);
        piece.floatField(Piece::kScore, v.scores[id]);
        piece.varintField(Piece::kType, type);
        model.bytesField(ModelProto::kPieces, piece.bytes());
    }

    pb::Writer trainer;
    trainer.varintField(TrainerSpec::kModelType, TrainerSpec::kBpe);
    trainer.int32Field(TrainerSpec::kVocabSize, v.size());
    trainer.boolField(TrainerSpec::kByteFallback, hasBytes);
    trainer.int32Field(TrainerSpec::kUnkId, v.unk);
    trainer.int32Field(TrainerSpec::kBosId, v.bos);
    trainer.int32Field(TrainerSpec::kEosId, v.eos);
    trainer.int32Field(TrainerSpec::kPadId, v.pad);
    model.bytesField(ModelProto::kTrainerSpec, trainer.bytes());

    pb::Writer normalizer;
    normalizer.bytesField(NormalizerSpec::kName, "identity");
    normalizer.boolField(NormalizerSpec::kAddDummyPrefix, dummyPrefix);
    normalizer.boolField(NormalizerSpec::kRemoveExtraWhitespaces, v.removeExtraWhitespaces);
    normalizer.boolField(NormalizerSpec::kEscapeWhitespaces, true);
    model.bytesField(ModelProto::kNormalizerSpec, normalizer.bytes());
    return model.take();
}

} // namespace sosoik::tok
