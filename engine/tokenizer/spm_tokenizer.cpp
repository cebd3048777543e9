#include "tokenizer/spm_tokenizer.h"

#include "sosoik/error.h"
#include "tokenizer/spm_model_proto.h"
#include "tokenizer/utf8.h"

#include <sentencepiece_processor.h>

namespace sosoik::tok {
namespace {

std::string unescapeWhitespace(const std::string& piece) {
    static constexpr std::string_view kSpace = "\xE2\x96\x81"; // ▁
    std::string out;
    out.reserve(piece.size());
    for (size_t i = 0; i < piece.size();) {
        if (piece.compare(i, kSpace.size(), kSpace) == 0) {
            out.push_back(' ');
            i += kSpace.size();
        } else {
            out.push_back(piece[i++]);
        }
    }
    return out;
}

} // namespace

SpmTokenizer::SpmTokenizer(Vocab v) : VocabTokenizer(std::move(v), /*matchPlainAddedTokens=*/false) {
    const Vocab& vocab = this->vocab();
    // With remove_extra_whitespaces, sentencepiece would strip a space we prepend ourselves,
    // so it has to add the dummy prefix itself (then also after special tokens).
    prefixBySentencepiece_ = vocab.removeExtraWhitespaces && vocab.addSpacePrefix;
    processor_ = std::make_unique<sentencepiece::SentencePieceProcessor>();
    const auto status =
        processor_->LoadFromSerializedProto(buildSentencePieceModel(vocab, prefixBySentencepiece_));
    if (!status.ok())
        throw Error(Error::Kind::InvalidModel,
                    "The SentencePiece vocabulary could not be loaded: " + status.ToString() + ".");

    bytes_.resize(vocab.size());
    byteTokens_.fill(-1);
    for (int32_t id = 0; id < vocab.size(); ++id) {
        const int byte = vocab.types[id] == TokenType::Byte ? parseBytePiece(vocab.tokens[id]) : -1;
        bytes_[id] =
            byte >= 0 ? std::string(1, static_cast<char>(byte)) : unescapeWhitespace(vocab.tokens[id]);
        if (byte >= 0) byteTokens_[byte] = id;
    }
    // With remove_extra_whitespaces sentencepiece rewrites whitespace across lines: keep whole.
    newlineBarrier_ = !prefixBySentencepiece_ && !vocab.removeExtraWhitespaces;
    for (int32_t id = 0; id < vocab.size() && newlineBarrier_; ++id)
        if (!isSpecial(id) && vocab.types[id] != TokenType::Byte &&
            vocab.tokens[id].find('\n') != std::string::npos)
            newlineBarrier_ = false;
}

SpmTokenizer::~SpmTokenizer() = default;

void SpmTokenizer::encodeText(std::string_view text, bool atTextStart, std::vector<int32_t>& out) const {
    // sentencepiece would turn bytes that are not valid UTF-8 into U+FFFD; keep them as byte
    // tokens instead (as llama.cpp does), so decode(encode(x)) == x for any bytes.
    size_t run = 0;
    for (size_t i = 0; i < text.size();) {
        if (const size_t n = validUtf8At(text, i)) {
            i += n;
            continue;
        }
        encodeValid(text.substr(run, i - run), atTextStart && run == 0, out);
        const int32_t byteToken = byteTokens_[static_cast<unsigned char>(text[i])];
        out.push_back(byteToken >= 0 ? byteToken : vocab().unk);
        run = ++i;
    }
    encodeValid(text.substr(run), atTextStart && run == 0, out);
}

void SpmTokenizer::encodeValid(std::string_view text, bool atTextStart, std::vector<int32_t>& out) const {
    // sentencepiece's BPE slows down on long inputs. When no piece contains a newline, no merge
    // can cross one, so encoding line by line gives exactly the same ids, much faster.
    size_t start = 0;
    while (start < text.size()) {
        size_t end = newlineBarrier_ ? text.find('\n', start) : std::string_view::npos;
        end = end == std::string_view::npos ? text.size() : end + 1;
        encodeChunk(text.substr(start, end - start), atTextStart && start == 0, out);
        start = end;
    }
}

void SpmTokenizer::encodeChunk(std::string_view text, bool atTextStart, std::vector<int32_t>& out) const {
    std::string input;
    if (atTextStart && vocab().addSpacePrefix && !prefixBySentencepiece_) input.push_back(' ');
    input.append(text);
    std::vector<int> ids;
    const auto status = processor_->Encode(input, &ids);
    if (!status.ok())
        throw Error(Error::Kind::InvalidArgument,
                    "SentencePiece could not tokenize the text: " + status.ToString() + ".");
    out.insert(out.end(), ids.begin(), ids.end());
}

} // namespace sosoik::tok
