#pragma once
// y = W · x for the CPU backend: W one or more GGUF weight tensors stacked by rows (q|k|v,
// gate|up), x a batch of n activation rows. The activations are converted once per call into
// the format each weight type's kernel reads (kernels.h); rows are shared out among the pool's
// threads in small chunks taken in turn, so a thread the OS delays on a busy machine does not hold
// up the others.
#include "backend/cpu/kernels.h"
#include "backend/cpu/thread_pool.h"
#include "gguf/gguf_file.h"

#include <span>
#include <vector>

namespace sosoik::backend::cpu {

// From this many tokens on, the types with 8-bit kernels take them (where chosenPromptInt8()): one thread,
// 576 × 1536, Q4_0/Q5_0/Q4_K GMAC/s against the token-step tiles: 5 tokens 30/23/21 against 26/15/14, 4
// tokens Q4_0 24 against 27 (a panel has 8 lanes).
constexpr int kMinInt8Tokens = 5;

struct WeightMatrix {
    gguf::TensorType type = gguf::TensorType::F32;
    const uint8_t* data = nullptr;
    int rows = 0, cols = 0;
    size_t rowBytes = 0;
};
WeightMatrix weightMatrix(const gguf::TensorInfo& t); // ggml dims {cols, rows}

class MatMul {
public:
    // int8Prompts: what the caller asks of chosenPromptInt8() (LoadOptions::cpuFastPrompts).
    MatMul(const Kernels& kernels, ThreadPool& pool, bool int8Prompts = false);
    // y[t·yStride + r] for t < n, r < Σ rows; x rows are k = cols floats, xStride floats apart.
    void run(std::span<const WeightMatrix> stacked, const float* x, int n, size_t xStride, float* y,
             size_t yStride);

private:
    // Prompt batches on levels with pair-group kernels (kernels.h): weights decoded once per chunk.
    void runGroups(std::span<const WeightMatrix> stacked, const float* x, int n, size_t xStride, float* y,
                   size_t yStride);
    // Float weights (F32/F16/BF16) in prompt batches on levels with a float tile.
    void runFloats(std::span<const WeightMatrix> stacked, const float* x, int n, size_t xStride, float* y,
                   size_t yStride);

    // Prompt batches of the types with 8-bit kernels where chosenPromptInt8(): activations as 8-bit panels.
    void runInt8(std::span<const WeightMatrix> stacked, const float* x, int n, size_t xStride, float* y,
                 size_t yStride);

    const Kernels& kernels_;
    ThreadPool& pool_;
    bool int8Prompts_;         // ... of the types with 8-bit kernels: chosenPromptInt8(asked)
    std::vector<uint8_t> q16_; // the activations quantized for this call
    std::vector<std::vector<float>> rowBuffer_;      // per thread: a dequantized weight row, outputs
    std::vector<ActQ16Group> actGroups_;             // the activations as pair groups, for runGroups
    std::vector<std::vector<Q16Group>> groupBuffer_; // per thread: the chunk's decoded weight rows
    std::vector<ActQ8Panel> actPanels_;              // the activations as 8-bit panels, for runInt8
    std::vector<std::vector<Q8Block>> q8Buffer_;     // per thread: the chunk's rows as bytes, for runInt8
};

} // namespace sosoik::backend::cpu
