#pragma once
// Compute pipelines built from the embedded SPIR-V, specialised per device (subgroup size,
// rows per workgroup...) and memoised. A VkPipelineCache persists compiled pipelines on disk
// ($XDG_CACHE_HOME/sosoik/pipelines-<pipelineCacheUUID>-<vendor>-<device>-<driver>.bin) so
// the second start skips shader compilation.
#include <vulkan/vulkan.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace sosoik::vk {

struct DeviceCaps;

// Every kernel takes at most this many bytes of push constants (the Vulkan-guaranteed minimum).
constexpr uint32_t kPushConstantBytes = 128;

struct Kernel {
    VkPipeline pipeline = VK_NULL_HANDLE;
    VkPipelineLayout layout = VK_NULL_HANDLE;
};

class PipelineCache {
public:
    PipelineCache(VkDevice device, const DeviceCaps& caps);
    ~PipelineCache();
    PipelineCache(const PipelineCache&) = delete;
    PipelineCache& operator=(const PipelineCache&) = delete;

    // specialization: values of constant_id 0, 1, 2... Throws Error(Device) for an unknown shader.
    const Kernel& get(const std::string& shader, const std::vector<uint32_t>& specialization);
    void save() const; // best effort; a read-only cache dir is not an error
    const std::string& path() const { return path_; }

private:
    VkDevice device_;
    VkPipelineCache cache_ = VK_NULL_HANDLE;
    VkPipelineLayout layout_ = VK_NULL_HANDLE;
    std::string path_;
    std::map<std::pair<std::string, std::vector<uint32_t>>, Kernel> kernels_;
    std::map<std::string, VkShaderModule> modules_;
    bool dirty_ = false;
};

// Records one dispatch: binds the kernel, pushes `push` (≤ kPushConstantBytes), dispatches.
void dispatch(VkCommandBuffer cb, const Kernel& k, const void* push, uint32_t pushBytes, uint32_t x,
              uint32_t y = 1, uint32_t z = 1);
void dispatchIndirect(VkCommandBuffer cb, const Kernel& k, const void* push, uint32_t pushBytes,
                      VkBuffer args, uint64_t offset);

template <class P>
void dispatch(VkCommandBuffer cb, const Kernel& k, const P& push, uint32_t x, uint32_t y = 1,
              uint32_t z = 1) {
    static_assert(sizeof(P) <= kPushConstantBytes);
    dispatch(cb, k, &push, sizeof(P), x, y, z);
}

} // namespace sosoik::vk
