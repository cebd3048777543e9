#include "tokenizer/tokenizer_factory.h"

#include "tokenizer/bpe_tokenizer.h"
#include "tokenizer/spm_tokenizer.h"
#include "tokenizer/vocab.h"
#include "tokenizer/wpm_tokenizer.h"

namespace sosoik {

std::unique_ptr<Tokenizer> createTokenizer(const gguf::File& file) {
    tok::Vocab vocab = tok::readVocab(file);
    if (vocab.model == "llama") return std::make_unique<tok::SpmTokenizer>(std::move(vocab));
    if (vocab.model == "bert") return std::make_unique<tok::WpmTokenizer>(std::move(vocab));
    return std::make_unique<tok::BpeTokenizer>(std::move(vocab));
}

} // namespace sosoik
