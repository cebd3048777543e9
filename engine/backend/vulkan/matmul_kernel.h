#pragma once
// Tile shape of the tiled matrix × matrix kernel (shaders/matmul_head.glsl) used for prompt
// batches on GPUs, chosen from a device's limits, and the push constants it shares with matvec.
#include <cstdint>

namespace sosoik::vk {

struct DeviceCaps;

struct MatmulTiles {
    uint32_t bm = 64, bn = 64; // rows of W × tokens of y per workgroup
    uint32_t bk = 16;          // columns staged per step (a multiple of 8)
    uint32_t tm = 4, tn = 4;   // rows × tokens accumulated by one invocation
    uint32_t invocations() const { return (bm / tm) * (bn / tn); }
    // The shaders' two padded shared arrays: BK × (BM + 1) and BK × (BN + 1) floats.
    uint32_t sharedBytes() const { return 4 * bk * (bm + 1 + bn + 1); }
};

// The largest tiles the limits allow, up to 64 × 64 × 32 with 4 × 4 per invocation; always a
// valid shape on a device meeting Vulkan's minimums (16 KiB shared memory, 128 invocations).
MatmulTiles matmulTiles(const DeviceCaps& caps);

// Which kernel runs prompt batches (n > 1 tokens with a plain input).
enum class BatchKernel { Auto, Tiled, Matvec };

// Push constants of the matvec and tiled matmul kernels, field for field as in
// shaders/matvec_push.glsl (offsets in elements).
struct MatvecPush {
    uint32_t wOff, sOff, xOff, yOff, rows, cols, rowWords, n, xStride, yStride, accumulate;
    uint32_t nwOff, normCols;
    float eps;
    uint32_t upOff;
};

} // namespace sosoik::vk
