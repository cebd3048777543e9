// Llama 2/3.x and its relatives (TinyLlama, Mistral, SOLAR, SmolLM2): RMSNorm, interleaved
// RoPE (the GGUF converter permutes Q/K into this layout), GQA, SwiGLU, optional Llama 3.1
// rope_freqs, output tied to the embedding when output.weight is absent.
#include "model/arch_common.h"
#include "model/architecture.h"

namespace sosoik::model {
namespace {

void readHParams(const gguf::File& f, HParams& hp) {
    readStandardHParams(f, "llama", 1e-5f, hp);
    hp.ropeLayout = RopeLayout::Interleaved;
    hp.hasQkvBias = false;
}

} // namespace

extern const ArchitectureUnit kLlamaArchitecture{"llama", readHParams, bindLlamaFamilyWeights,
                                                 llamaFamilyPlan};

} // namespace sosoik::model
