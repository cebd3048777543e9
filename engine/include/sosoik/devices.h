#pragma once
// Device discovery (Vulkan devices and the CPU), shared by `sosoik-cli devices`, the model picker and the
// loader.
#include <cstdint>
#include <string>
#include <vector>

namespace sosoik {

struct DeviceInfo {
    int index = 0;          // position in the Vulkan physical-device list
    std::string name;       // e.g. "NVIDIA GeForce RTX 4070", "llvmpipe (LLVM 15.0.6, 256 bits)"
    std::string type;       // "discrete", "integrated", "virtual", "cpu", "other"
    std::string driver;     // driver name and version
    std::string apiVersion; // "1.3.239"
    uint64_t deviceLocalBytes = 0;
    // Free device-local memory now (VK_EXT_memory_budget), or four fifths of the heap without it:
    // what the Vulkan backend compares a model's estimate with.
    uint64_t deviceLocalFreeBytes = 0;
    uint32_t subgroupSize = 0;
    uint32_t sharedMemoryBytes = 0;
    uint64_t maxStorageBufferRange = 0;
    bool fp16 = false;              // shaderFloat16
    bool storage16 = false;         // storageBuffer16BitAccess
    bool storage8 = false;          // storageBuffer8BitAccess
    bool integerDotProduct = false; // VK_KHR_shader_integer_dot_product
    bool cooperativeMatrix = false; // VK_KHR_cooperative_matrix
    bool memoryBudget = false;      // VK_EXT_memory_budget
};

// Lists Vulkan devices. Returns an empty list (and fills *whyEmpty) when there is no
// loader or no device; never throws for a missing Vulkan installation.
std::vector<DeviceInfo> listDevices(std::string* whyEmpty = nullptr);

// The native CPU backend on this machine, for the device picker ("CPU — 8 threads, AVX2") and
// `sosoik-cli devices`: the threads it runs by default and its SIMD level.
struct CpuDeviceInfo {
    int threads = 1;
    std::string isa; // "AVX2", "AVX-512 VNNI", "scalar"
};
CpuDeviceInfo cpuDevice();

// The CPU's memory read bandwidth as `threads` threads see it (a buffer far beyond the caches read whole,
// best of three passes): what a token step of the CPU backend, which reads every weight once, can at most
// reach. For `sosoik-cli bench --bandwidth measure`; takes ~0.5 s and up to 1 GiB of memory for that time.
struct MemoryBandwidth {
    double gbPerSecond = 0;
    uint64_t bufferBytes = 0;
    int threads = 1;
    uint64_t checksum = 0; // Σ of what was read (keeps the reads from being optimized away)
};
MemoryBandwidth measureCpuReadBandwidth(int threads);

// What a device is, in the words `sosoik-cli devices` and the app's device list both use:
// "discrete GPU", "integrated GPU", "virtual GPU", "CPU (software Vulkan)" or "other device".
// (lavapipe/llvmpipe is Vulkan running on the CPU, not a GPU.)
std::string deviceKindName(const std::string& type);

// Index of the device a user most likely wants: discrete > integrated > virtual > other > cpu.
int preferredDevice(const std::vector<DeviceInfo>& devices);

} // namespace sosoik
