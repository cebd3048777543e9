#pragma once
// Builds the tokenizer a GGUF file describes (tokenizer.ggml.* metadata). Implemented by the
// tokenizer unit; Model::load calls it once per model.
#include "gguf/gguf_file.h"
#include "sosoik/tokenizer.h"

#include <memory>

namespace sosoik {

// Throws Error(InvalidModel / Unsupported) naming the offending key when the vocabulary is
// missing, malformed or of a kind the engine does not know.
std::unique_ptr<Tokenizer> createTokenizer(const gguf::File& file);

} // namespace sosoik
