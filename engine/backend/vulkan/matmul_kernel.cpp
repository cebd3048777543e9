// Host side of the tiled matmul (shaders/matmul_head.glsl): tile shape from the device's
// limits, which devices use it, and its dispatch.
#include "backend/vulkan/matmul_kernel.h"

#include "backend/vulkan/kernels.h"
#include "sosoik/error.h"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace sosoik::vk {

MatmulTiles matmulTiles(const DeviceCaps& caps) {
    MatmulTiles t;
    // 256 invocations where allowed: with 4 × 4 outputs each that covers a 64 × 64 tile, big
    // enough that each staged weight serves 64 tokens, small enough for 16 KiB of shared
    // memory. Fewer invocations (Vulkan guarantees 128) take more outputs each. Whole
    // subgroups only, so no lane of a subgroup idles through the tile.
    const uint32_t limit = std::min(caps.maxWorkgroupInvocations, caps.maxWorkgroupSizeX);
    uint32_t wg = 256;
    while (wg > limit && wg > 1)
        wg /= 2;
    const uint32_t subgroup = std::clamp(caps.subgroupSize, 1u, 128u);
    if (wg % subgroup != 0 && subgroup <= limit) wg = subgroup;
    t.tm = t.tn = 1;
    while (t.invocations() > wg) // 64 × 64 outputs shared by wg invocations
        (t.tm <= t.tn ? t.tm : t.tn) *= 2;
    // The deepest K step (fewer barriers, longer contiguous weight reads) that fits the
    // shared memory; 16 always fits the Vulkan minimum (16 KiB).
    for (uint32_t bk : {32u, 16u, 8u}) {
        t.bk = bk;
        if (t.sharedBytes() <= caps.sharedMemoryBytes) break;
    }
    return t;
}

namespace {

bool validTiles(const MatmulTiles& t, const DeviceCaps& caps) {
    const auto pow2 = [](uint32_t v) { return v != 0 && (v & (v - 1)) == 0; };
    return pow2(t.bm) && pow2(t.bn) && pow2(t.tm) && pow2(t.tn) && t.tm <= t.bm && t.tn <= t.bn &&
           t.bk % 8 == 0 && t.bk > 0 && t.invocations() <= caps.maxWorkgroupInvocations &&
           t.invocations() <= caps.maxWorkgroupSizeX && t.sharedBytes() <= caps.sharedMemoryBytes;
}

} // namespace

void Kernels::initMatmul(const KernelOptions& options) {
    const DeviceCaps& caps = ctx_.caps();
    tiles_ = options.tiles ? *options.tiles : vk::matmulTiles(caps);
    if (!validTiles(tiles_, caps)) {
        if (options.tiles)
            throw Error(Error::Kind::Device, "internal error: matmul tiles exceed the device limits");
        tiles_ = {};
    }
    BatchKernel batch = options.batch;
    if (batch == BatchKernel::Auto) {
        // CPU devices (lavapipe) run a subgroup as one SIMD register and scalarise per-lane
        // loads, shared memory included, so the matvec kernels' row-subgroup scheme measured
        // faster there (docs/PERFORMANCE.md). GPUs get the tiled kernel.
        batch = caps.type == VK_PHYSICAL_DEVICE_TYPE_CPU ? BatchKernel::Matvec : BatchKernel::Tiled;
        if (const char* v = std::getenv("SOSOIK_VK_MATMUL")) {
            if (std::string(v) == "tiled") batch = BatchKernel::Tiled;
            if (std::string(v) == "matvec") batch = BatchKernel::Matvec;
        }
    }
    tiled_ = batch == BatchKernel::Tiled && validTiles(tiles_, caps);
}

void Kernels::matmul(VkCommandBuffer cb, const DeviceWeight& w, BufRef x, BufRef y, const MatvecPush& push) {
    const MatmulTiles& t = tiles_;
    const Kernel& k = ctx_.pipelines().get(std::string("matmul_") + kernelSuffix(w.layout.type), 3,
                                           {t.invocations(), t.bm, t.bn, t.bk, t.tm, t.tn});
    dispatch(cb, k, set({w.quants.buffer, x.buffer, y.buffer}), &push, sizeof push,
             (w.layout.rows + t.bm - 1) / t.bm, (push.n + t.bn - 1) / t.bn);
}

} // namespace sosoik::vk
