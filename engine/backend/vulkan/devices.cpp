#include "sosoik/devices.h"

#include "backend/vulkan/instance.h"
#include "sosoik/error.h"

#include <algorithm>
#include <cstring>

namespace sosoik {
namespace {

std::string typeName(VkPhysicalDeviceType t) {
    switch (t) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU:
        return "discrete";
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU:
        return "integrated";
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU:
        return "virtual";
    case VK_PHYSICAL_DEVICE_TYPE_CPU:
        return "cpu";
    default:
        return "other";
    }
}

std::string versionString(uint32_t v) {
    return std::to_string(VK_API_VERSION_MAJOR(v)) + "." + std::to_string(VK_API_VERSION_MINOR(v)) + "." +
           std::to_string(VK_API_VERSION_PATCH(v));
}

bool hasExtension(VkPhysicalDevice dev, const char* name) {
    uint32_t n = 0;
    vkEnumerateDeviceExtensionProperties(dev, nullptr, &n, nullptr);
    std::vector<VkExtensionProperties> exts(n);
    vkEnumerateDeviceExtensionProperties(dev, nullptr, &n, exts.data());
    return std::any_of(exts.begin(), exts.end(), [&](const VkExtensionProperties& e) {
        return std::strcmp(e.extensionName, name) == 0;
    });
}

DeviceInfo describe(VkPhysicalDevice dev, int index) {
    VkPhysicalDeviceDriverProperties driver{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DRIVER_PROPERTIES};
    VkPhysicalDeviceSubgroupProperties subgroup{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_PROPERTIES,
                                                &driver};
    VkPhysicalDeviceProperties2 props{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2, &subgroup};
    vkGetPhysicalDeviceProperties2(dev, &props);

    VkPhysicalDeviceVulkan12Features f12{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
    VkPhysicalDeviceVulkan11Features f11{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES, &f12};
    VkPhysicalDeviceFeatures2 features{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, &f11};
    vkGetPhysicalDeviceFeatures2(dev, &features);

    VkPhysicalDeviceMemoryProperties mem;
    vkGetPhysicalDeviceMemoryProperties(dev, &mem);

    DeviceInfo info;
    info.index = index;
    info.name = props.properties.deviceName;
    info.type = typeName(props.properties.deviceType);
    info.driver = std::string(driver.driverName) + " " + driver.driverInfo;
    info.apiVersion = versionString(props.properties.apiVersion);
    for (uint32_t i = 0; i < mem.memoryHeapCount; ++i)
        if (mem.memoryHeaps[i].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT)
            info.deviceLocalBytes = std::max<uint64_t>(info.deviceLocalBytes, mem.memoryHeaps[i].size);
    info.subgroupSize = subgroup.subgroupSize;
    info.sharedMemoryBytes = props.properties.limits.maxComputeSharedMemorySize;
    info.maxStorageBufferRange = props.properties.limits.maxStorageBufferRange;
    info.fp16 = f12.shaderFloat16;
    info.storage16 = f11.storageBuffer16BitAccess;
    info.storage8 = f12.storageBuffer8BitAccess;
    info.integerDotProduct = hasExtension(dev, VK_KHR_SHADER_INTEGER_DOT_PRODUCT_EXTENSION_NAME) ||
                             props.properties.apiVersion >= VK_API_VERSION_1_3;
    info.cooperativeMatrix = hasExtension(dev, "VK_KHR_cooperative_matrix");
    info.memoryBudget = hasExtension(dev, VK_EXT_MEMORY_BUDGET_EXTENSION_NAME);
    // The same rule as Context::deviceLocalBytesFree, which the backend checks at load.
    VkPhysicalDeviceMemoryBudgetPropertiesEXT budget{
        VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MEMORY_BUDGET_PROPERTIES_EXT};
    VkPhysicalDeviceMemoryProperties2 mem2{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MEMORY_PROPERTIES_2};
    if (info.memoryBudget) mem2.pNext = &budget;
    vkGetPhysicalDeviceMemoryProperties2(dev, &mem2);
    for (uint32_t i = 0; i < mem2.memoryProperties.memoryHeapCount; ++i) {
        const auto& heap = mem2.memoryProperties.memoryHeaps[i];
        if (!(heap.flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT)) continue;
        const uint64_t free = info.memoryBudget ? (budget.heapBudget[i] > budget.heapUsage[i]
                                                       ? budget.heapBudget[i] - budget.heapUsage[i]
                                                       : 0)
                                                : heap.size / 5 * 4;
        info.deviceLocalFreeBytes = std::max(info.deviceLocalFreeBytes, free);
    }
    return info;
}

} // namespace

std::vector<DeviceInfo> listDevices(std::string* whyEmpty) {
    std::vector<DeviceInfo> out;
    try {
        VkInstance instance = vk::Instance::get().handle();
        uint32_t n = 0;
        vk::check(vkEnumeratePhysicalDevices(instance, &n, nullptr), "listing Vulkan devices");
        std::vector<VkPhysicalDevice> devs(n);
        vk::check(vkEnumeratePhysicalDevices(instance, &n, devs.data()), "listing Vulkan devices");
        for (uint32_t i = 0; i < n; ++i)
            out.push_back(describe(devs[i], static_cast<int>(i)));
        if (out.empty() && whyEmpty) *whyEmpty = "the Vulkan loader found no devices";
    } catch (const Error& e) {
        if (whyEmpty) *whyEmpty = e.what();
    }
    return out;
}

std::string deviceKindName(const std::string& type) {
    if (type == "discrete") return "discrete GPU";
    if (type == "integrated") return "integrated GPU";
    if (type == "virtual") return "virtual GPU";
    if (type == "cpu") return "CPU (software Vulkan)";
    return "other device";
}

int preferredDevice(const std::vector<DeviceInfo>& devices) {
    auto rank = [](const std::string& type) {
        if (type == "discrete") return 0;
        if (type == "integrated") return 1;
        if (type == "virtual") return 2;
        if (type == "other") return 3;
        return 4; // cpu
    };
    int best = -1;
    for (const auto& d : devices)
        if (best < 0 || rank(d.type) < rank(devices[best].type)) best = d.index;
    return best;
}

} // namespace sosoik
