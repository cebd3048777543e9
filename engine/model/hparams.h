#pragma once
// Architecture-independent description of a decoder-only transformer, filled by the
// architecture unit (model/arch_llama.cpp, model/arch_qwen2.cpp, ...) from GGUF metadata.
#include <cstdint>
#include <string>
#include <vector>

namespace sosoik::model {

enum class RopeLayout {
    Interleaved, // llama/"normal": rotate pairs (x[2i], x[2i+1])
    Neox,        // qwen2/"neox": rotate pairs (x[i], x[i + headDim/2])
};

struct HParams {
    std::string architecture;
    int nEmbd = 0;
    int nLayer = 0;
    int nHead = 0;
    int nHeadKv = 0;
    int headDim = 0; // nEmbd / nHead unless the file says otherwise
    int nFf = 0;
    int nVocab = 0;
    int nCtxTrain = 0;
    float ropeFreqBase = 10000.f;
    float ropeFreqScale = 1.f;  // linear RoPE scaling: positions are multiplied by this (1 / factor)
    float ropeAttnFactor = 1.f; // rotated q and k are multiplied by this (Phi-3's LongRoPE magnitude scale)
    RopeLayout ropeLayout = RopeLayout::Interleaved;
    float rmsNormEps = 1e-5f;
    bool hasQkvBias = false;
    bool hasQkNorm = false;   // qwen3: RMSNorm over each query and key head before RoPE
    int slidingWindow = 0;    // <arch>.attention.sliding_window; which layers slide is the unit's plan
    float attnSoftCap = 0.f;  // > 0: attention scores soft-capped (Gemma 2)
    float finalSoftCap = 0.f; // > 0: logits soft-capped (Gemma 2)
};

} // namespace sosoik::model
