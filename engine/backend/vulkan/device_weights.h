#pragma once
// A model's weights resident on the GPU: packed once into a few large allocations (arenas no
// larger than maxMemoryAllocationSize and maxStorageBufferRange; a matrix bigger than that is
// split by rows across arenas), each matrix kept in its quantized form.
// Projections that read the same input are fused when their types match: Q, K and V become
// one matrix, and so do the FFN's gate and up, so each is a single matvec per token.
#include "backend/vulkan/context.h"
#include "backend/vulkan/kernels.h"
#include "model/hparams.h"
#include "model/weights.h"

#include <functional>
#include <vector>

namespace sosoik::vk {

// A matrix product that may be split into several dispatches (fused parts of different
// types, or row ranges of a matrix too big for one buffer); part i writes output rows
// starting at rowOffset[i].
struct Projection {
    std::vector<DeviceWeight> parts;
    std::vector<uint32_t> rowOffset;
    uint32_t rows = 0;
    uint32_t cols = 0; // padded input width
};

struct DeviceLayer {
    BufRef attnNorm, ffnNorm, qkvBias;
    BufRef qNorm, kNorm; // qwen3: per-head query/key RMSNorm weights
    Projection qkv, wo, gateUp, down;
};

struct DeviceModel {
    std::vector<DeviceWeight> tokenEmbd; // row ranges (rowBegin set)
    BufRef outputNorm, ropeFactors;
    Projection output;
    std::vector<DeviceLayer> layers;
    uint64_t bytes = 0;
};

// Bytes the packed weights will take (for the memory estimate before anything is allocated).
uint64_t deviceWeightBytes(const model::HParams& hp, const model::Weights& w, uint64_t maxBufferBytes);

// Uploads everything; arenas receives the allocations (freed by the caller).
// progress(0..1) is called after each tensor.
DeviceModel uploadWeights(Context& ctx, const model::HParams& hp, const model::Weights& w,
                          std::vector<Buffer>& arenas, const std::function<void(float)>& progress);

} // namespace sosoik::vk
