#pragma once
// One logical Vulkan device chosen for compute: its queue, command pool, the limits the
// kernels are specialised from, and buffer/memory helpers. Kernels bind whole buffers
// (descriptor sets; lavapipe runs them about 3× faster than buffer device addresses), so no
// buffer may exceed maxStorageBufferRange: large weights are split by rows across buffers.
#include <vulkan/vulkan.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sosoik::vk {

class PipelineCache;

struct DeviceCaps {
    std::string name;
    std::string driver;
    VkPhysicalDeviceType type = VK_PHYSICAL_DEVICE_TYPE_OTHER;
    uint32_t subgroupSize = 32;
    uint32_t sharedMemoryBytes = 16384;
    uint32_t maxWorkgroupInvocations = 128;
    uint32_t maxWorkgroupSizeX = 128;
    uint32_t maxWorkgroupCountX = 65535;
    uint64_t maxStorageBufferRange = 1ull << 27;
    uint64_t maxAllocationBytes = 1ull << 30;
    uint32_t maxAllocationCount = 4096;
    uint64_t maxBufferBytes = 1ull << 30;
    bool memoryBudget = false;
    float timestampPeriod = 1.f; // ns per timestamp tick
    bool directUpload = false;   // weights are written straight into device-local memory
    bool fp16 = false, int8 = false, integerDot = false, cooperativeMatrix = false;
    uint8_t pipelineCacheUuid[VK_UUID_SIZE] = {};
    uint32_t vendorId = 0, deviceId = 0, driverVersion = 0;
};

enum class MemoryKind {
    Device,   // device-local; host-mapped when the device exposes such memory (iGPU, ReBAR, CPU)
    Readback, // host-visible (cached when possible): logits, argmax results, step parameters
};

// A place in a buffer: kernels bind `buffer` and receive `offset` (bytes) as an element offset.
struct BufRef {
    VkBuffer buffer = VK_NULL_HANDLE;
    uint64_t offset = 0;
    BufRef at(uint64_t bytes) const { return {buffer, offset + bytes}; }
    explicit operator bool() const { return buffer != VK_NULL_HANDLE; }
};

struct Buffer {
    VkBuffer buffer = VK_NULL_HANDLE;
    VkDeviceMemory memory = VK_NULL_HANDLE;
    uint64_t size = 0;
    void* mapped = nullptr; // null when not host-visible
    BufRef ref(uint64_t offset = 0) const { return {buffer, offset}; }
};

class Context {
public:
    // device < 0: the preferred device, or the first whose name contains nameFilter.
    // Throws sosoik::Error(Device/Unsupported) with a readable message.
    static std::shared_ptr<Context> create(int device = -1, const std::string& nameFilter = {});
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    VkDevice device() const { return device_; }
    VkPhysicalDevice physical() const { return physical_; }
    const DeviceCaps& caps() const { return caps_; }
    PipelineCache& pipelines() { return *pipelines_; }

    // Zero-filled buffer of at most maxBindableBytes(); throws Error(OutOfMemory) naming `what`.
    Buffer createBuffer(uint64_t size, MemoryKind kind, const char* what);
    void destroy(Buffer& b);
    // The largest buffer a kernel can bind whole.
    uint64_t maxBindableBytes() const;
    // Bytes of device-local memory this process can still use (VK_EXT_memory_budget when present).
    uint64_t deviceLocalBytesFree() const;

    VkCommandBuffer allocateCommandBuffer();
    void freeCommandBuffer(VkCommandBuffer cb);
    // Submits and blocks until done. VK_ERROR_DEVICE_LOST etc. become sosoik::Error.
    void submitAndWait(VkCommandBuffer cb);
    // Copies host bytes into any buffer (mapped: memcpy; otherwise through a staging buffer).
    void write(Buffer& dst, uint64_t offset, const void* src, uint64_t size);
    void read(const Buffer& src, uint64_t offset, void* dst, uint64_t size);

private:
    Context() = default;
    void pickDevice(int device, const std::string& nameFilter);
    void createDevice();
    uint32_t findMemoryType(uint32_t typeBits, VkMemoryPropertyFlags want, VkMemoryPropertyFlags avoid) const;
    void copyBuffer(VkBuffer src, VkBuffer dst, uint64_t srcOffset, uint64_t dstOffset, uint64_t size);

    VkPhysicalDevice physical_ = VK_NULL_HANDLE;
    VkDevice device_ = VK_NULL_HANDLE;
    VkQueue queue_ = VK_NULL_HANDLE;
    uint32_t queueFamily_ = 0;
    VkCommandPool pool_ = VK_NULL_HANDLE;
    VkFence fence_ = VK_NULL_HANDLE;
    VkPhysicalDeviceMemoryProperties memProps_{};
    DeviceCaps caps_;
    std::unique_ptr<PipelineCache> pipelines_;
    Buffer staging_;
    // Sessions on different threads share the command pool, queue and staging buffer.
    std::recursive_mutex mutex_;
};

// Records a compute→compute (and transfer) memory dependency between two dispatches.
void computeBarrier(VkCommandBuffer cb);
// Makes shader writes visible to the host before the fence is waited on.
void hostReadBarrier(VkCommandBuffer cb);

} // namespace sosoik::vk
