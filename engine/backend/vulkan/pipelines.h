#pragma once
// Compute pipelines built from the embedded SPIR-V, specialised per device (subgroup size,
// rows per workgroup...) and memoised. A kernel with k buffers uses descriptor set 0 with
// storage-buffer bindings 0..k-1 (whole buffers; element offsets travel in push constants),
// and descriptor sets are memoised per buffer combination, so recording a step allocates
// nothing after the first time. A VkPipelineCache persists compiled pipelines on disk
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
    uint32_t bindings = 0;
};

class PipelineCache {
public:
    PipelineCache(VkDevice device, const DeviceCaps& caps);
    ~PipelineCache();
    PipelineCache(const PipelineCache&) = delete;
    PipelineCache& operator=(const PipelineCache&) = delete;

    // specialization: values of constant_id 0, 1, 2... Throws Error(Device) for an unknown shader.
    const Kernel& get(const std::string& shader, uint32_t bindings,
                      const std::vector<uint32_t>& specialization);
    // A descriptor set binding buffers[i] (whole) at binding i, for kernels with that many bindings.
    VkDescriptorSet descriptorSet(const std::vector<VkBuffer>& buffers);
    // Frees the sets that bind `buffer`: it is being destroyed, and a later buffer may reuse its handle.
    void forgetBuffer(VkBuffer buffer);
    void save() const; // best effort; a read-only cache dir is not an error
    const std::string& path() const { return path_; }

private:
    VkDevice device_;
    VkPipelineCache cache_ = VK_NULL_HANDLE;
    VkDescriptorSetLayout setLayout(uint32_t bindings);
    VkPipelineLayout pipelineLayout(uint32_t bindings);
    std::map<uint32_t, VkDescriptorSetLayout> setLayouts_;
    std::map<uint32_t, VkPipelineLayout> layouts_;
    std::vector<VkDescriptorPool> pools_;
    uint32_t setsLeftInPool_ = 0;
    std::map<std::vector<VkBuffer>, std::pair<VkDescriptorSet, VkDescriptorPool>> sets_;
    std::string path_;
    std::map<std::pair<std::string, std::vector<uint32_t>>, Kernel> kernels_;
    std::map<std::string, VkShaderModule> modules_;
    bool dirty_ = false;
};

// Records one dispatch: binds the kernel and its descriptor set, pushes `push`
// (≤ kPushConstantBytes), dispatches (directly, or with x/y/z read from `args` at `offset`).
void dispatch(VkCommandBuffer cb, const Kernel& k, VkDescriptorSet set, const void* push, uint32_t pushBytes,
              uint32_t x, uint32_t y = 1, uint32_t z = 1);
void dispatchIndirect(VkCommandBuffer cb, const Kernel& k, VkDescriptorSet set, const void* push,
                      uint32_t pushBytes, VkBuffer args, uint64_t offset);

} // namespace sosoik::vk
