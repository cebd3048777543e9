#pragma once
// Tiny random-weight GGUF models for tests: every architecture, every supported tensor type,
// odd shapes, any GQA ratio, tied or untied output, optional rope_freqs, and a small valid
// SentencePiece-style vocabulary (BOS=1, EOS=2, byte tokens <0x00>..<0xFF> at ids 3..258) so
// that Model::load accepts them. Qt-free; used by engine, backend, CLI and app tests.
#include "gguf/gguf_writer.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace sosoik::test {

using gguf::GgufWriter;

struct SyntheticModelSpec {
    std::string architecture = "llama"; // "llama", "qwen2" (adds Q/K/V biases), "qwen3" (per-head
                                        // q/k norms), "exaone" (NEOX RoPE), "phi3" (fused qkv, gate|up),
                                        // "gemma2" (post-norms, tied output), "gemma3" (+ q/k norms),
                                        // "exaone4" (q/k norms, post-norms only)
    int nEmbd = 64;
    int nLayer = 2;
    int nHead = 4;
    int nHeadKv = 2;
    int headDim = 0; // 0: nEmbd / nHead (written as attention.key_length otherwise)
    int nFf = 96;
    int nVocab = 320; // >= 259 (3 specials + 256 byte tokens), the rest are word pieces
    int contextLength = 256;
    // Matrices (attention, FFN); the embedding and output may differ, as in Q4_K_M files.
    gguf::TensorType weightType = gguf::TensorType::F32;
    gguf::TensorType embeddingType = gguf::TensorType::F32;
    std::optional<gguf::TensorType> outputType; // default: weightType
    gguf::TensorType normType = gguf::TensorType::F32;
    // Per-tensor types by name ("blk.0.attn_v.weight"), as the mixed Q4_K_M/Q5_K_M files have.
    std::map<std::string, gguf::TensorType> tensorTypes;
    bool tiedOutput = false; // omit output.weight
    bool ropeFreqs = false;  // add rope_freqs.weight (Llama 3.1 style), headDim/2 floats
    float ropeFreqBase = 10000.f;
    float ropeLinearFactor = 0.f;   // > 0: rope.scaling.type "linear" with this factor
    float longRopeAttnFactor = 0.f; // phi3 only, > 0: LongRoPE (rope_factors_short/long + attn_factor)
    float rmsNormEps = 1e-5f;
    int slidingWindow = 0;    // > 0: <arch>.attention.sliding_window (phi3, gemma2, gemma3, exaone4)
    float attnSoftCap = 0.f;  // gemma2: attn_logit_softcapping (0: the key is absent)
    float finalSoftCap = 0.f; // gemma2: final_logit_softcapping (0: the key is absent)
    std::string chatTemplate; // tokenizer.chat_template; empty: none
    uint64_t seed = 1;
    uint32_t ggufVersion = 3;
    uint32_t alignment = 32;
};

// The GGUF image as a writer, so tests can still edit it (remove a tensor, change a key).
GgufWriter buildSyntheticModel(const SyntheticModelSpec& spec);
// Writes the model to path; throws std::runtime_error on an invalid spec or I/O failure.
void writeSyntheticModel(const SyntheticModelSpec& spec, const std::string& path);

// The pieces of the synthetic vocabulary (index = token id).
std::vector<std::string> syntheticVocabulary(int nVocab);

} // namespace sosoik::test
