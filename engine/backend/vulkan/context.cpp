#include "backend/vulkan/context.h"

#include "backend/vulkan/instance.h"
#include "backend/vulkan/pipelines.h"
#include "sosoik/devices.h"
#include "sosoik/error.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace sosoik::vk {
namespace {

constexpr uint64_t kStagingBytes = 32ull << 20;

bool hasDeviceExtension(VkPhysicalDevice dev, const char* name) {
    uint32_t n = 0;
    vkEnumerateDeviceExtensionProperties(dev, nullptr, &n, nullptr);
    std::vector<VkExtensionProperties> exts(n);
    vkEnumerateDeviceExtensionProperties(dev, nullptr, &n, exts.data());
    for (const auto& e : exts)
        if (std::strcmp(e.extensionName, name) == 0) return true;
    return false;
}

std::string lower(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

} // namespace

std::shared_ptr<Context> Context::create(int device, const std::string& nameFilter) {
    std::shared_ptr<Context> ctx(new Context());
    ctx->pickDevice(device, nameFilter);
    ctx->createDevice();
    return ctx;
}

void Context::pickDevice(int device, const std::string& nameFilter) {
    VkInstance instance = Instance::get().handle();
    std::string why;
    const auto devices = listDevices(&why);
    if (devices.empty()) throw Error(Error::Kind::Device, "no Vulkan device available: " + why);
    int index = device;
    if (index < 0 && !nameFilter.empty()) {
        for (const auto& d : devices)
            if (lower(d.name).find(lower(nameFilter)) != std::string::npos) {
                index = d.index;
                break;
            }
        if (index < 0)
            throw Error(Error::Kind::InvalidArgument, "no Vulkan device name contains '" + nameFilter + "'");
    }
    if (index < 0) index = preferredDevice(devices);
    if (index >= static_cast<int>(devices.size()))
        throw Error(Error::Kind::InvalidArgument, "there is no Vulkan device " + std::to_string(index) +
                                                      " (found " + std::to_string(devices.size()) + ")");
    uint32_t n = 0;
    vkEnumeratePhysicalDevices(instance, &n, nullptr);
    std::vector<VkPhysicalDevice> phys(n);
    vkEnumeratePhysicalDevices(instance, &n, phys.data());
    physical_ = phys.at(static_cast<size_t>(index));

    VkPhysicalDeviceMaintenance3Properties m3{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MAINTENANCE_3_PROPERTIES};
    VkPhysicalDeviceDriverProperties driver{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DRIVER_PROPERTIES, &m3};
    VkPhysicalDeviceSubgroupProperties subgroup{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_PROPERTIES,
                                                &driver};
    VkPhysicalDeviceProperties2 props{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2, &subgroup};
    vkGetPhysicalDeviceProperties2(physical_, &props);
    const auto& lim = props.properties.limits;
    const auto& info = devices[static_cast<size_t>(index)];

    if (props.properties.apiVersion < VK_API_VERSION_1_2)
        throw Error(Error::Kind::Unsupported, info.name + " only supports Vulkan " + info.apiVersion +
                                                  "; Sosoik needs Vulkan 1.2 (update the GPU driver)");
    if (!(subgroup.supportedStages & VK_SHADER_STAGE_COMPUTE_BIT) ||
        !(subgroup.supportedOperations & VK_SUBGROUP_FEATURE_ARITHMETIC_BIT))
        throw Error(Error::Kind::Unsupported, info.name + " lacks subgroup arithmetic in compute shaders");

    VkPhysicalDeviceVulkan12Features f12{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
    VkPhysicalDeviceFeatures2 features{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, &f12};
    vkGetPhysicalDeviceFeatures2(physical_, &features);

    caps_.name = info.name;
    caps_.driver = info.driver;
    caps_.type = props.properties.deviceType;
    caps_.subgroupSize = std::max(1u, subgroup.subgroupSize);
    caps_.sharedMemoryBytes = lim.maxComputeSharedMemorySize;
    caps_.maxWorkgroupInvocations = lim.maxComputeWorkGroupInvocations;
    caps_.maxWorkgroupSizeX = lim.maxComputeWorkGroupSize[0];
    caps_.maxWorkgroupCountX = lim.maxComputeWorkGroupCount[0];
    caps_.maxStorageBufferRange = lim.maxStorageBufferRange;
    caps_.timestampPeriod = lim.timestampPeriod;
    caps_.maxAllocationBytes = m3.maxMemoryAllocationSize;
    caps_.maxAllocationCount = lim.maxMemoryAllocationCount;
    caps_.maxBufferBytes = m3.maxMemoryAllocationSize;
    caps_.memoryBudget = hasDeviceExtension(physical_, VK_EXT_MEMORY_BUDGET_EXTENSION_NAME);
    caps_.fp16 = f12.shaderFloat16;
    caps_.int8 = f12.shaderInt8;
    caps_.integerDot = info.integerDotProduct;
    caps_.cooperativeMatrix = info.cooperativeMatrix;
    std::memcpy(caps_.pipelineCacheUuid, props.properties.pipelineCacheUUID, VK_UUID_SIZE);
    caps_.vendorId = props.properties.vendorID;
    caps_.deviceId = props.properties.deviceID;
    caps_.driverVersion = props.properties.driverVersion;

    vkGetPhysicalDeviceMemoryProperties(physical_, &memProps_);
    // Direct writes into device-local memory only when that memory is large (integrated GPUs,
    // CPUs, resizable BAR), not through a 256 MiB BAR window.
    uint64_t largestLocal = 0;
    for (uint32_t i = 0; i < memProps_.memoryHeapCount; ++i)
        if (memProps_.memoryHeaps[i].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT)
            largestLocal = std::max<uint64_t>(largestLocal, memProps_.memoryHeaps[i].size);
    const VkMemoryPropertyFlags direct = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT |
                                         VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
                                         VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
    for (uint32_t i = 0; i < memProps_.memoryTypeCount; ++i) {
        const auto& t = memProps_.memoryTypes[i];
        if ((t.propertyFlags & direct) == direct &&
            memProps_.memoryHeaps[t.heapIndex].size * 2 >= largestLocal)
            caps_.directUpload = true;
    }
}

void Context::createDevice() {
    uint32_t n = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(physical_, &n, nullptr);
    std::vector<VkQueueFamilyProperties> families(n);
    vkGetPhysicalDeviceQueueFamilyProperties(physical_, &n, families.data());
    bool found = false;
    for (uint32_t i = 0; i < n && !found; ++i)
        if (families[i].queueFlags & VK_QUEUE_COMPUTE_BIT) queueFamily_ = i, found = true;
    if (!found) throw Error(Error::Kind::Unsupported, caps_.name + " has no compute queue");

    const float priority = 1.f;
    VkDeviceQueueCreateInfo qi{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
    qi.queueFamilyIndex = queueFamily_;
    qi.queueCount = 1;
    qi.pQueuePriorities = &priority;

    VkPhysicalDeviceFeatures2 features{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2};
    std::vector<const char*> extensions;
    if (caps_.memoryBudget) extensions.push_back(VK_EXT_MEMORY_BUDGET_EXTENSION_NAME);

    VkDeviceCreateInfo ci{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO, &features};
    ci.queueCreateInfoCount = 1;
    ci.pQueueCreateInfos = &qi;
    ci.enabledExtensionCount = static_cast<uint32_t>(extensions.size());
    ci.ppEnabledExtensionNames = extensions.data();
    check(vkCreateDevice(physical_, &ci, nullptr, &device_), ("opening " + caps_.name).c_str());
    vkGetDeviceQueue(device_, queueFamily_, 0, &queue_);

    VkCommandPoolCreateInfo pi{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    pi.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    pi.queueFamilyIndex = queueFamily_;
    check(vkCreateCommandPool(device_, &pi, nullptr, &pool_), "creating a command pool");
    VkFenceCreateInfo fi{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    check(vkCreateFence(device_, &fi, nullptr, &fence_), "creating a fence");
    pipelines_ = std::make_unique<PipelineCache>(device_, caps_);
}

Context::~Context() {
    if (!device_) return;
    vkDeviceWaitIdle(device_);
    pipelines_.reset();
    destroy(staging_);
    if (fence_) vkDestroyFence(device_, fence_, nullptr);
    if (pool_) vkDestroyCommandPool(device_, pool_, nullptr);
    vkDestroyDevice(device_, nullptr);
}

uint32_t Context::findMemoryType(uint32_t typeBits, VkMemoryPropertyFlags want,
                                 VkMemoryPropertyFlags avoid) const {
    for (uint32_t i = 0; i < memProps_.memoryTypeCount; ++i) {
        const auto flags = memProps_.memoryTypes[i].propertyFlags;
        if ((typeBits & (1u << i)) && (flags & want) == want && !(flags & avoid)) return i;
    }
    return UINT32_MAX;
}

uint64_t Context::maxBindableBytes() const {
    return std::min<uint64_t>(caps_.maxAllocationBytes, caps_.maxStorageBufferRange) & ~uint64_t(255);
}

Buffer Context::createBuffer(uint64_t size, MemoryKind kind, const char* what) {
    size = std::max<uint64_t>(16, (size + 15) & ~uint64_t(15));
    if (size > maxBindableBytes())
        throw Error(Error::Kind::OutOfMemory, std::string(what) + " needs one " + std::to_string(size >> 20) +
                                                  " MiB block; " + caps_.name + " can use at most " +
                                                  std::to_string(maxBindableBytes() >> 20) + " MiB at once");
    Buffer b;
    b.size = size;
    VkBufferCreateInfo bi{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
    bi.size = size;
    bi.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT |
               VK_BUFFER_USAGE_TRANSFER_DST_BIT | VK_BUFFER_USAGE_INDIRECT_BUFFER_BIT;
    bi.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    check(vkCreateBuffer(device_, &bi, nullptr, &b.buffer), what);
    VkMemoryRequirements req;
    vkGetBufferMemoryRequirements(device_, b.buffer, &req);

    const auto hostFlags = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
    uint32_t type = UINT32_MAX;
    if (kind == MemoryKind::Device) {
        if (caps_.directUpload)
            type = findMemoryType(req.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT | hostFlags, 0);
        if (type == UINT32_MAX)
            type = findMemoryType(req.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, 0);
    } else {
        type = findMemoryType(req.memoryTypeBits, hostFlags | VK_MEMORY_PROPERTY_HOST_CACHED_BIT, 0);
        if (type == UINT32_MAX) type = findMemoryType(req.memoryTypeBits, hostFlags, 0);
    }
    if (type == UINT32_MAX) type = findMemoryType(req.memoryTypeBits, 0, 0);

    VkMemoryAllocateInfo ai{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
    ai.allocationSize = req.size;
    ai.memoryTypeIndex = type;
    VkResult r = vkAllocateMemory(device_, &ai, nullptr, &b.memory);
    if (r != VK_SUCCESS) {
        vkDestroyBuffer(device_, b.buffer, nullptr);
        check(r, (std::string("allocating ") + std::to_string(size >> 20) + " MiB for " + what).c_str());
    }
    check(vkBindBufferMemory(device_, b.buffer, b.memory, 0), what);
    // SOSOIK_VK_FORCE_STAGING=1 treats device memory as unmapped even where it is host-visible,
    // so the staging upload/readback path (discrete GPUs) is exercised on any device.
    const bool forceStaging = kind == MemoryKind::Device && std::getenv("SOSOIK_VK_FORCE_STAGING");
    if ((memProps_.memoryTypes[type].propertyFlags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) && !forceStaging)
        check(vkMapMemory(device_, b.memory, 0, VK_WHOLE_SIZE, 0, &b.mapped), what);

    if (b.mapped) {
        std::memset(b.mapped, 0, size);
    } else {
        VkCommandBuffer cb = allocateCommandBuffer();
        vkCmdFillBuffer(cb, b.buffer, 0, VK_WHOLE_SIZE, 0);
        check(vkEndCommandBuffer(cb), "recording a fill");
        submitAndWait(cb);
        freeCommandBuffer(cb);
    }
    return b;
}

void Context::destroy(Buffer& b) {
    std::lock_guard lock(mutex_);
    if (b.buffer && pipelines_) pipelines_->forgetBuffer(b.buffer);
    if (b.buffer) vkDestroyBuffer(device_, b.buffer, nullptr);
    if (b.memory) vkFreeMemory(device_, b.memory, nullptr);
    b = Buffer{};
}

uint64_t Context::deviceLocalBytesFree() const {
    VkPhysicalDeviceMemoryBudgetPropertiesEXT budget{
        VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MEMORY_BUDGET_PROPERTIES_EXT};
    VkPhysicalDeviceMemoryProperties2 props{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MEMORY_PROPERTIES_2};
    if (caps_.memoryBudget) props.pNext = &budget;
    vkGetPhysicalDeviceMemoryProperties2(physical_, &props);
    uint64_t best = 0;
    for (uint32_t i = 0; i < props.memoryProperties.memoryHeapCount; ++i) {
        const auto& heap = props.memoryProperties.memoryHeaps[i];
        if (!(heap.flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT)) continue;
        // Without the budget extension assume the desktop and other apps keep a fifth.
        uint64_t free = caps_.memoryBudget ? (budget.heapBudget[i] > budget.heapUsage[i]
                                                  ? budget.heapBudget[i] - budget.heapUsage[i]
                                                  : 0)
                                           : heap.size / 5 * 4;
        best = std::max(best, free);
    }
    // Lets tests (and users sharing a GPU) pretend to have less memory.
    if (const char* limit = std::getenv("SOSOIK_VK_MEMORY_LIMIT_MB"); limit && *limit)
        best = std::min<uint64_t>(best, std::strtoull(limit, nullptr, 10) << 20);
    return best;
}

VkCommandBuffer Context::allocateCommandBuffer() {
    std::lock_guard lock(mutex_);
    VkCommandBufferAllocateInfo ai{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    ai.commandPool = pool_;
    ai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    ai.commandBufferCount = 1;
    VkCommandBuffer cb;
    check(vkAllocateCommandBuffers(device_, &ai, &cb), "allocating a command buffer");
    VkCommandBufferBeginInfo bi{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    check(vkBeginCommandBuffer(cb, &bi), "recording GPU commands");
    return cb; // in the recording state
}

void Context::freeCommandBuffer(VkCommandBuffer cb) {
    vkFreeCommandBuffers(device_, pool_, 1, &cb);
}

void Context::submitAndWait(VkCommandBuffer cb) {
    std::lock_guard lock(mutex_);
    // cb must be ended; recorded token steps are submitted again and again.
    VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    si.commandBufferCount = 1;
    si.pCommandBuffers = &cb;
    check(vkResetFences(device_, 1, &fence_), "resetting a fence");
    check(vkQueueSubmit(queue_, 1, &si, fence_), "submitting GPU work");
    check(vkWaitForFences(device_, 1, &fence_, VK_TRUE, UINT64_MAX), "waiting for the GPU");
}

void Context::copyBuffer(VkBuffer src, VkBuffer dst, uint64_t srcOffset, uint64_t dstOffset, uint64_t size) {
    VkCommandBuffer cb = allocateCommandBuffer();
    VkBufferCopy region{srcOffset, dstOffset, size};
    vkCmdCopyBuffer(cb, src, dst, 1, &region);
    check(vkEndCommandBuffer(cb), "recording a copy");
    submitAndWait(cb);
    freeCommandBuffer(cb);
}

void Context::write(Buffer& dst, uint64_t offset, const void* src, uint64_t size) {
    std::lock_guard lock(mutex_);
    if (dst.mapped) {
        std::memcpy(static_cast<char*>(dst.mapped) + offset, src, size);
        return;
    }
    if (!staging_.buffer)
        staging_ = createBuffer(kStagingBytes, MemoryKind::Readback, "the upload staging buffer");
    for (uint64_t done = 0; done < size;) {
        const uint64_t n = std::min(size - done, staging_.size);
        std::memcpy(staging_.mapped, static_cast<const char*>(src) + done, n);
        copyBuffer(staging_.buffer, dst.buffer, 0, offset + done, n);
        done += n;
    }
}

void Context::read(const Buffer& src, uint64_t offset, void* dst, uint64_t size) {
    std::lock_guard lock(mutex_);
    if (src.mapped) {
        std::memcpy(dst, static_cast<const char*>(src.mapped) + offset, size);
        return;
    }
    if (!staging_.buffer)
        staging_ = createBuffer(kStagingBytes, MemoryKind::Readback, "the upload staging buffer");
    for (uint64_t done = 0; done < size;) {
        const uint64_t n = std::min(size - done, staging_.size);
        copyBuffer(src.buffer, staging_.buffer, offset + done, 0, n);
        std::memcpy(static_cast<char*>(dst) + done, staging_.mapped, n);
        done += n;
    }
}

void computeBarrier(VkCommandBuffer cb) {
    VkMemoryBarrier mb{VK_STRUCTURE_TYPE_MEMORY_BARRIER};
    mb.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
    mb.dstAccessMask = VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT |
                       VK_ACCESS_INDIRECT_COMMAND_READ_BIT | VK_ACCESS_TRANSFER_READ_BIT |
                       VK_ACCESS_TRANSFER_WRITE_BIT;
    vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT,
                         VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_DRAW_INDIRECT_BIT |
                             VK_PIPELINE_STAGE_TRANSFER_BIT,
                         0, 1, &mb, 0, nullptr, 0, nullptr);
}

void hostReadBarrier(VkCommandBuffer cb) {
    VkMemoryBarrier mb{VK_STRUCTURE_TYPE_MEMORY_BARRIER};
    mb.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
    mb.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
    vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT,
                         VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &mb, 0, nullptr, 0, nullptr);
}

} // namespace sosoik::vk
