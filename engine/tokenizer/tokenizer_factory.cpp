// PLACEHOLDER until the tokenizer unit (branch `tokenizers`) lands: it replaces this file with
// the real factory. Model::load treats this error as "tokenizer unavailable" and still runs
// models on token ids.
#include "tokenizer/tokenizer_factory.h"

#include "sosoik/error.h"

namespace sosoik {

std::unique_ptr<Tokenizer> createTokenizer(const gguf::File&) {
    throw Error(Error::Kind::Unsupported, "this build has no tokenizer support yet");
}

} // namespace sosoik
