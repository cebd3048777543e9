#pragma once
// Building blocks shared by architecture units: the usual "<arch>.*" hyper-parameter keys and
// the llama-family tensor set, each checked for presence, supported type and exact shape.
#include "gguf/gguf_file.h"
#include "model/hparams.h"
#include "model/weights.h"

#include <string>
#include <vector>

namespace sosoik::model {

// Reads embedding_length, block_count, attention.head_count(_kv), feed_forward_length,
// context_length, attention.key_length, rope.freq_base, rope.dimension_count,
// attention.layer_norm_rms_epsilon (default defaultEps) and validates their ranges.
void readStandardHParams(const gguf::File& file, const std::string& arch, float defaultEps, HParams& hp);

// A present tensor of a supported type with exactly these ggml dims; throws otherwise.
Tensor requireTensor(const gguf::File& file, const std::string& name, const std::vector<uint64_t>& dims);
// nullptr when absent; the same checks when present.
Tensor optionalTensor(const gguf::File& file, const std::string& name, const std::vector<uint64_t>& dims);

// token_embd, output_norm, output (tied to token_embd when absent), rope_freqs and per layer
// attn_norm, attn_q/k/v (or a fused attn_qkv) (/bias when hp.hasQkvBias), attn_output, ffn_norm,
// ffn_gate/up (or a fused 2·n_ff ffn_up)/down.
void bindLlamaFamilyWeights(const gguf::File& file, const HParams& hp, Weights& w);

} // namespace sosoik::model
