// Qwen3 (dense): the llama layout without biases, NEOX-style RoPE, and an RMSNorm over each
// query and key head (attn_q_norm / attn_k_norm) before the rotation. Head size comes from
// attention.key_length (128 even where embedding_length / head_count differs).
#include "model/arch_common.h"
#include "model/architecture.h"

namespace sosoik::model {
namespace {

void readHParams(const gguf::File& f, HParams& hp) {
    readStandardHParams(f, "qwen3", 1e-6f, hp);
    hp.ropeLayout = RopeLayout::Neox;
    hp.hasQkNorm = true;
}

} // namespace

extern const ArchitectureUnit kQwen3Architecture{"qwen3", readHParams, bindLlamaFamilyWeights,
                                                 llamaFamilyPlan};

} // namespace sosoik::model
