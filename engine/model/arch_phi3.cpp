// Phi-3 / Phi-3.5 mini: the llama computation with fused q|k|v and gate|up matrices and NEOX
// RoPE. The 128k variants (LongRoPE) carry per-frequency factors for short and long contexts and
// a magnitude factor for the rotated q and k; Sosoik uses the short factors and keeps the
// context within the original length, where they apply. phi3.attention.sliding_window applies to
// every layer (HF transformers Phi3Attention passes config.sliding_window to all layers), so a
// query sees the last `window` positions; the context is not capped by it.
#include "model/arch_common.h"
#include "model/architecture.h"

#include "sosoik/error.h"

#include <algorithm>

namespace sosoik::model {
namespace {

void readHParams(const gguf::File& f, HParams& hp) {
    readStandardHParams(f, "phi3", 1e-5f, hp);
    hp.ropeLayout = RopeLayout::Neox;
    if (const auto original = f.getInt("phi3.rope.scaling.original_context_length");
        original && *original > 0)
        hp.nCtxTrain = std::min<int>(hp.nCtxTrain, static_cast<int>(*original));
    if (const auto window = f.getInt("phi3.attention.sliding_window"); window && *window > 0)
        hp.slidingWindow = static_cast<int>(std::min<int64_t>(*window, 1 << 24));
    if (const auto factor = f.getFloat("phi3.rope.scaling.attn_factor")) {
        if (!(*factor > 0.5 && *factor < 4.0))
            throw Error(Error::Kind::InvalidModel, "metadata phi3.rope.scaling.attn_factor is out of range");
        hp.ropeAttnFactor = static_cast<float>(*factor);
    }
}

void bindWeights(const gguf::File& f, const HParams& hp, Weights& w) {
    bindLlamaFamilyWeights(f, hp, w);
    if (!w.ropeFreqs)
        w.ropeFreqs = optionalTensor(f, "rope_factors_short.weight", {uint64_t(hp.headDim / 2)});
}

} // namespace

extern const ArchitectureUnit kPhi3Architecture{"phi3", readHParams, bindWeights, llamaFamilyPlan};

} // namespace sosoik::model
