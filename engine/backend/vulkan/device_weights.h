#pragma once
// A model's weights resident on the GPU: packed once into a few large allocations (arenas no
// larger than maxMemoryAllocationSize and maxStorageBufferRange; a matrix bigger than that is
// split by rows across arenas), each matrix kept in its quantized form.
// A MatMul's stacked matrices (q|k|v, gate|up) are packed as one when their types match, so each
// is a single matvec per token.
#include "backend/vulkan/context.h"
#include "backend/vulkan/kernels.h"
#include "model/layer_plan.h"

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

// What one op of the layer plan reads: a MatMul's projection, or the F32 vectors of a norm
// (vector), biases (vector), per-head norms (vector = query, vector2 = key) or RoPE factors.
struct OpWeights {
    Projection proj;
    BufRef vector, vector2;
};

struct DeviceModel {
    std::vector<DeviceWeight> tokenEmbd; // row ranges (rowBegin set)
    std::vector<OpWeights> ops;          // index = op index in the plan
    uint64_t bytes = 0;
};

// Bytes the packed weights will take (for the memory estimate before anything is allocated).
uint64_t deviceWeightBytes(const model::LayerPlan& plan, uint64_t maxBufferBytes);

// Uploads every tensor the plan reads; arenas receives the allocations (freed by the caller).
// progress(0..1) is called after each tensor. A MatMul over the embedding table (tied output)
// reuses the table's parts.
DeviceModel uploadWeights(Context& ctx, const model::LayerPlan& plan, std::vector<Buffer>& arenas,
                          const std::function<void(float)>& progress);

} // namespace sosoik::vk
