// Qwen2 / Qwen2.5: the llama layout plus Q/K/V biases and NEOX-style RoPE (rotating the two
// halves of each head rather than adjacent pairs).
#include "model/arch_common.h"
#include "model/architecture.h"

namespace sosoik::model {
namespace {

void readHParams(const gguf::File& f, HParams& hp) {
    readStandardHParams(f, "qwen2", 1e-6f, hp);
    hp.ropeLayout = RopeLayout::Neox;
    hp.hasQkvBias = true;
}

} // namespace

extern const ArchitectureUnit kQwen2Architecture{"qwen2", readHParams, bindLlamaFamilyWeights,
                                                 llamaFamilyPlan};

} // namespace sosoik::model
