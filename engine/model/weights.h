#pragma once
// Which GGUF tensor plays which role. Pointers refer into the mapped gguf::File, which
// outlives the weights. Optional tensors are null when absent.
#include "gguf/gguf_file.h"

#include <vector>

namespace sosoik::model {

using Tensor = const gguf::TensorInfo*;

struct LayerWeights {
    Tensor attnNorm = nullptr;
    Tensor wq = nullptr, wk = nullptr, wv = nullptr, wo = nullptr;
    Tensor wqkv = nullptr;                           // fused q|k|v rows (Phi-3); then wq/wk/wv are null
    Tensor bq = nullptr, bk = nullptr, bv = nullptr; // qwen2
    Tensor qNorm = nullptr, kNorm = nullptr;         // qwen3: headDim weights shared by all heads
    Tensor attnPostNorm = nullptr;                   // Gemma 2/3, EXAONE 4: RMSNorm of the attention output
    Tensor ffnNorm = nullptr;
    Tensor ffnPostNorm = nullptr; // Gemma 2/3, EXAONE 4: RMSNorm of the FFN output
    Tensor wGate = nullptr, wUp = nullptr, wDown = nullptr;
    Tensor wGateUp = nullptr; // fused gate|up rows (Phi-3's 2·n_ff ffn_up); then wGate/wUp are null
};

struct Weights {
    Tensor tokenEmbd = nullptr;
    Tensor outputNorm = nullptr;
    Tensor output = nullptr;    // == tokenEmbd when the output is tied
    Tensor ropeFreqs = nullptr; // Llama 3.1+ frequency factors (headDim/2 floats), optional
    std::vector<LayerWeights> layers;
};

} // namespace sosoik::model
