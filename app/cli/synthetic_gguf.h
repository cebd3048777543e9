#pragma once
// Random-weight GGUF models with the shapes of real small LLMs, for `sosoik-cli bench
// --synthetic`: speed depends only on shapes and weight types, so these stand in for the
// real files (which cannot be downloaded here). Quantized blocks hold random quants with
// small random scales; norms are 1. No tokenizer is written (bench runs on token ids).
#include <cstdint>
#include <string>
#include <vector>

namespace sosoik::cli {

struct SyntheticShape {
    std::string name;
    int nEmbd, nLayer, nHead, nHeadKv, nFf, nVocab;
    float ropeBase;
    bool tiedOutput;
};

// stories15M, stories110M, smollm135M, llama1B. Throws Error(InvalidArgument) for an unknown name.
SyntheticShape syntheticShape(const std::string& name);
std::vector<std::string> syntheticShapeNames();
// type: any type the engine computes with (F32, F16, BF16, Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, IQ4_NL,
// and Q2_K, Q3_K, Q4_K, Q5_K, Q6_K, IQ4_XS when every row length is a multiple of 256), or the mix
// llama.cpp's quantizer writes for Q4_K_M / Q5_K_M (synthetic_gguf.cpp: Q6_K and fallback tensors).
// Writes path (via a temporary file renamed at the end); throws Error(Io / InvalidArgument).
void writeSyntheticGguf(const SyntheticShape& shape, const std::string& type, const std::string& path);

} // namespace sosoik::cli
