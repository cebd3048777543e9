#include "backend/vulkan/pipelines.h"

#include "backend/vulkan/context.h"
#include "backend/vulkan/instance.h"
#include "backend/vulkan/shader_registry.h"
#include "sosoik/error.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace sosoik::vk {
namespace {

std::string cacheDirectory() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/sosoik";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/sosoik";
    return {};
}

std::string cacheFileName(const DeviceCaps& caps) {
    // The driver validates its own header, but keying the file by device and driver means
    // switching GPUs or updating a driver never feeds one driver another's blob.
    std::string uuid;
    char hex[3];
    for (uint8_t b : caps.pipelineCacheUuid) {
        std::snprintf(hex, sizeof hex, "%02x", b);
        uuid += hex;
    }
    char ids[64];
    std::snprintf(ids, sizeof ids, "-%04x-%04x-%08x", caps.vendorId, caps.deviceId, caps.driverVersion);
    return "pipelines-" + uuid + ids + ".bin";
}

} // namespace

PipelineCache::PipelineCache(VkDevice device, const DeviceCaps& caps) : device_(device) {
    std::vector<char> blob;
    if (const std::string dir = cacheDirectory(); !dir.empty()) {
        path_ = dir + "/" + cacheFileName(caps);
        std::ifstream in(path_, std::ios::binary);
        if (in) blob.assign(std::istreambuf_iterator<char>(in), {});
    }
    // A header whose UUID does not match is ignored here rather than trusting every driver to.
    const size_t header = 16 + VK_UUID_SIZE;
    if (blob.size() < header || std::memcmp(blob.data() + 16, caps.pipelineCacheUuid, VK_UUID_SIZE) != 0)
        blob.clear();
    VkPipelineCacheCreateInfo ci{VK_STRUCTURE_TYPE_PIPELINE_CACHE_CREATE_INFO};
    ci.initialDataSize = blob.size();
    ci.pInitialData = blob.empty() ? nullptr : blob.data();
    if (vkCreatePipelineCache(device_, &ci, nullptr, &cache_) != VK_SUCCESS) {
        ci.initialDataSize = 0, ci.pInitialData = nullptr;
        check(vkCreatePipelineCache(device_, &ci, nullptr, &cache_), "creating the pipeline cache");
    }
}

VkDescriptorSetLayout PipelineCache::setLayout(uint32_t bindings) {
    auto& l = setLayouts_[bindings];
    if (l) return l;
    std::vector<VkDescriptorSetLayoutBinding> b(bindings);
    for (uint32_t i = 0; i < bindings; ++i)
        b[i] = {i, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_COMPUTE_BIT, nullptr};
    VkDescriptorSetLayoutCreateInfo ci{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
    ci.bindingCount = bindings;
    ci.pBindings = b.data();
    check(vkCreateDescriptorSetLayout(device_, &ci, nullptr, &l), "creating a descriptor set layout");
    return l;
}

VkPipelineLayout PipelineCache::pipelineLayout(uint32_t bindings) {
    auto& l = layouts_[bindings];
    if (l) return l;
    VkDescriptorSetLayout set = setLayout(bindings);
    VkPushConstantRange range{VK_SHADER_STAGE_COMPUTE_BIT, 0, kPushConstantBytes};
    VkPipelineLayoutCreateInfo li{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
    li.setLayoutCount = 1;
    li.pSetLayouts = &set;
    li.pushConstantRangeCount = 1;
    li.pPushConstantRanges = &range;
    check(vkCreatePipelineLayout(device_, &li, nullptr, &l), "creating a pipeline layout");
    return l;
}

VkDescriptorSet PipelineCache::descriptorSet(const std::vector<VkBuffer>& buffers) {
    std::lock_guard lock(mutex_);
    if (auto it = sets_.find(buffers); it != sets_.end()) return it->second.first;
    constexpr uint32_t kSetsPerPool = 256, kMaxBindings = 8;
    if (setsLeftInPool_ == 0) {
        VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, kSetsPerPool * kMaxBindings};
        VkDescriptorPoolCreateInfo ci{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
        ci.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT;
        ci.maxSets = kSetsPerPool;
        ci.poolSizeCount = 1;
        ci.pPoolSizes = &size;
        VkDescriptorPool pool;
        check(vkCreateDescriptorPool(device_, &ci, nullptr, &pool), "creating a descriptor pool");
        pools_.push_back(pool);
        setsLeftInPool_ = kSetsPerPool;
    }
    const auto count = static_cast<uint32_t>(buffers.size());
    VkDescriptorSetLayout layout = setLayout(count);
    VkDescriptorSetAllocateInfo ai{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    ai.descriptorPool = pools_.back();
    ai.descriptorSetCount = 1;
    ai.pSetLayouts = &layout;
    VkDescriptorSet set;
    check(vkAllocateDescriptorSets(device_, &ai, &set), "allocating a descriptor set");
    --setsLeftInPool_;
    std::vector<VkDescriptorBufferInfo> infos(count);
    std::vector<VkWriteDescriptorSet> writes(count);
    for (uint32_t i = 0; i < count; ++i) {
        infos[i] = {buffers[i], 0, VK_WHOLE_SIZE};
        writes[i] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
        writes[i].dstSet = set;
        writes[i].dstBinding = i;
        writes[i].descriptorCount = 1;
        writes[i].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
        writes[i].pBufferInfo = &infos[i];
    }
    vkUpdateDescriptorSets(device_, count, writes.data(), 0, nullptr);
    sets_.emplace(buffers, std::make_pair(set, pools_.back()));
    return set;
}

void PipelineCache::forgetBuffer(VkBuffer buffer) {
    std::lock_guard lock(mutex_);
    for (auto it = sets_.begin(); it != sets_.end();) {
        if (std::find(it->first.begin(), it->first.end(), buffer) != it->first.end()) {
            vkFreeDescriptorSets(device_, it->second.second, 1, &it->second.first);
            it = sets_.erase(it);
        } else {
            ++it;
        }
    }
}

PipelineCache::~PipelineCache() {
    save();
    for (auto& [key, k] : kernels_)
        vkDestroyPipeline(device_, k.pipeline, nullptr);
    for (auto& [name, m] : modules_)
        vkDestroyShaderModule(device_, m, nullptr);
    for (auto pool : pools_)
        vkDestroyDescriptorPool(device_, pool, nullptr);
    for (auto& [n, l] : layouts_)
        vkDestroyPipelineLayout(device_, l, nullptr);
    for (auto& [n, l] : setLayouts_)
        vkDestroyDescriptorSetLayout(device_, l, nullptr);
    if (cache_) vkDestroyPipelineCache(device_, cache_, nullptr);
}

const Kernel& PipelineCache::get(const std::string& shader, uint32_t bindings,
                                 const std::vector<uint32_t>& specialization) {
    std::lock_guard lock(mutex_);
    auto key = std::make_pair(shader, specialization);
    if (auto it = kernels_.find(key); it != kernels_.end()) return it->second;

    VkShaderModule& module = modules_[shader];
    if (!module) {
        const ShaderBlob* blob = findShader(shader);
        if (!blob) {
            modules_.erase(shader);
            throw Error(Error::Kind::Device, "internal error: no compute shader named '" + shader + "'");
        }
        VkShaderModuleCreateInfo mi{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
        mi.codeSize = blob->wordCount * sizeof(uint32_t);
        mi.pCode = blob->words;
        check(vkCreateShaderModule(device_, &mi, nullptr, &module), "loading a compute shader");
    }

    std::vector<VkSpecializationMapEntry> entries(specialization.size());
    for (uint32_t i = 0; i < entries.size(); ++i)
        entries[i] = {i, static_cast<uint32_t>(i * sizeof(uint32_t)), sizeof(uint32_t)};
    VkSpecializationInfo spec{static_cast<uint32_t>(entries.size()), entries.data(),
                              specialization.size() * sizeof(uint32_t), specialization.data()};

    VkComputePipelineCreateInfo ci{VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO};
    ci.stage = {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO};
    ci.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
    ci.stage.module = module;
    ci.stage.pName = "main";
    ci.stage.pSpecializationInfo = entries.empty() ? nullptr : &spec;
    ci.layout = pipelineLayout(bindings);
    Kernel k;
    k.layout = ci.layout;
    k.bindings = bindings;
    check(vkCreateComputePipelines(device_, cache_, 1, &ci, nullptr, &k.pipeline),
          ("building the compute pipeline '" + shader + "'").c_str());
    dirty_ = true;
    return kernels_.emplace(key, k).first->second;
}

void PipelineCache::save() const {
    std::lock_guard lock(mutex_);
    if (!dirty_ || path_.empty() || !cache_) return;
    size_t size = 0;
    if (vkGetPipelineCacheData(device_, cache_, &size, nullptr) != VK_SUCCESS || size == 0) return;
    std::vector<char> data(size);
    if (vkGetPipelineCacheData(device_, cache_, &size, data.data()) != VK_SUCCESS) return;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path_).parent_path(), ec);
    // Write-then-rename so a crash never leaves a truncated cache behind.
    const std::string tmp = path_ + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return;
        out.write(data.data(), static_cast<std::streamsize>(size));
        if (!out) return;
    }
    std::filesystem::rename(tmp, path_, ec);
}

void dispatch(VkCommandBuffer cb, const Kernel& k, VkDescriptorSet set, const void* push, uint32_t pushBytes,
              uint32_t x, uint32_t y, uint32_t z) {
    vkCmdBindPipeline(cb, VK_PIPELINE_BIND_POINT_COMPUTE, k.pipeline);
    vkCmdBindDescriptorSets(cb, VK_PIPELINE_BIND_POINT_COMPUTE, k.layout, 0, 1, &set, 0, nullptr);
    vkCmdPushConstants(cb, k.layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, pushBytes, push);
    vkCmdDispatch(cb, x, y, z);
}

void dispatchIndirect(VkCommandBuffer cb, const Kernel& k, VkDescriptorSet set, const void* push,
                      uint32_t pushBytes, VkBuffer args, uint64_t offset) {
    vkCmdBindPipeline(cb, VK_PIPELINE_BIND_POINT_COMPUTE, k.pipeline);
    vkCmdBindDescriptorSets(cb, VK_PIPELINE_BIND_POINT_COMPUTE, k.layout, 0, 1, &set, 0, nullptr);
    vkCmdPushConstants(cb, k.layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, pushBytes, push);
    vkCmdDispatchIndirect(cb, args, offset);
}

} // namespace sosoik::vk
