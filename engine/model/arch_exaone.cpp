// EXAONE 3.0 / 3.5 / Deep (LG AI Research; strong in Korean): the llama layout under llama.cpp's
// tensor names, without biases, with NEOX-style RoPE (the two halves of each head rotate
// together). EXAONE 3.5's long-context scaling arrives as rope_freqs, like Llama 3.1.
#include "model/arch_common.h"
#include "model/architecture.h"

namespace sosoik::model {
namespace {

void readHParams(const gguf::File& f, HParams& hp) {
    readStandardHParams(f, "exaone", 1e-5f, hp);
    hp.ropeLayout = RopeLayout::Neox;
}

} // namespace

extern const ArchitectureUnit kExaoneArchitecture{"exaone", readHParams, bindLlamaFamilyWeights,
                                                  llamaFamilyPlan};

} // namespace sosoik::model
