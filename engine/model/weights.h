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
    Tensor bq = nullptr, bk = nullptr, bv = nullptr; // qwen2
    Tensor qNorm = nullptr, kNorm = nullptr;         // qwen3: headDim weights shared by all heads
    Tensor ffnNorm = nullptr;
    Tensor wGate = nullptr, wUp = nullptr, wDown = nullptr;
};

struct Weights {
    Tensor tokenEmbd = nullptr;
    Tensor outputNorm = nullptr;
    Tensor output = nullptr;    // == tokenEmbd when the output is tied
    Tensor ropeFreqs = nullptr; // Llama 3.1+ frequency factors (headDim/2 floats), optional
    std::vector<LayerWeights> layers;
};

} // namespace sosoik::model
