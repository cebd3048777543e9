#include "backend/vulkan/instance.h"

#include "sosoik/error.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

namespace sosoik::vk {
namespace {

std::atomic<uint64_t> g_validationMessages{0};

VKAPI_ATTR VkBool32 VKAPI_CALL onDebugMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                              VkDebugUtilsMessageTypeFlagsEXT type,
                                              const VkDebugUtilsMessengerCallbackDataEXT* data, void*) {
    // The loader's own notes (e.g. "VK_INSTANCE_LAYERS defined") are GENERAL messages, not findings.
    if (severity < VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT) return VK_FALSE;
    if (!(type & VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT)) return VK_FALSE;
    g_validationMessages.fetch_add(1);
    std::fprintf(stderr, "vulkan validation: %s\n", data && data->pMessage ? data->pMessage : "(no message)");
    const char* fatal = std::getenv("SOSOIK_VALIDATION_FATAL");
    if (fatal && std::strcmp(fatal, "0") != 0) {
        std::fprintf(stderr, "vulkan validation: aborting (SOSOIK_VALIDATION_FATAL is set)\n");
        std::abort();
    }
    return VK_FALSE;
}

bool hasInstanceExtension(const char* name) {
    uint32_t n = 0;
    if (vkEnumerateInstanceExtensionProperties(nullptr, &n, nullptr) != VK_SUCCESS) return false;
    std::vector<VkExtensionProperties> exts(n);
    vkEnumerateInstanceExtensionProperties(nullptr, &n, exts.data());
    for (auto& e : exts)
        if (std::strcmp(e.extensionName, name) == 0) return true;
    return false;
}

} // namespace

std::string resultString(VkResult r) {
    switch (r) {
    case VK_SUCCESS:
        return "success";
    case VK_ERROR_OUT_OF_HOST_MEMORY:
        return "out of host memory";
    case VK_ERROR_OUT_OF_DEVICE_MEMORY:
        return "out of GPU memory";
    case VK_ERROR_INITIALIZATION_FAILED:
        return "initialization failed";
    case VK_ERROR_DEVICE_LOST:
        return "the GPU device was lost (driver reset or crash)";
    case VK_ERROR_MEMORY_MAP_FAILED:
        return "memory map failed";
    case VK_ERROR_LAYER_NOT_PRESENT:
        return "a requested layer is not installed";
    case VK_ERROR_EXTENSION_NOT_PRESENT:
        return "a required extension is missing";
    case VK_ERROR_FEATURE_NOT_PRESENT:
        return "a required feature is missing";
    case VK_ERROR_INCOMPATIBLE_DRIVER:
        return "no compatible Vulkan driver";
    case VK_ERROR_TOO_MANY_OBJECTS:
        return "too many objects";
    default:
        return "Vulkan error " + std::to_string(static_cast<int>(r));
    }
}

void check(VkResult r, const char* what) {
    if (r == VK_SUCCESS) return;
    auto kind = (r == VK_ERROR_OUT_OF_DEVICE_MEMORY || r == VK_ERROR_OUT_OF_HOST_MEMORY)
                    ? Error::Kind::OutOfMemory
                    : Error::Kind::Device;
    throw Error(kind, std::string(what) + " failed: " + resultString(r));
}

uint64_t Instance::validationMessageCount() {
    return g_validationMessages.load();
}

Instance& Instance::get() {
    // A function-local static gives thread-safe lazy creation; a failed construction throws
    // and is retried on the next call.
    static Instance instance;
    return instance;
}

Instance::Instance() {
    uint32_t loaderVersion = VK_API_VERSION_1_0;
    if (vkEnumerateInstanceVersion(&loaderVersion) != VK_SUCCESS) loaderVersion = VK_API_VERSION_1_0;
    if (loaderVersion < VK_API_VERSION_1_2)
        throw Error(Error::Kind::Device,
                    "the Vulkan loader is older than 1.2; please update your GPU driver");
    apiVersion_ = VK_API_VERSION_1_3 <= loaderVersion ? VK_API_VERSION_1_3 : VK_API_VERSION_1_2;

    VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
    app.pApplicationName = "Sosoik";
    app.pEngineName = "sosoik_engine";
    app.apiVersion = apiVersion_;

    std::vector<const char*> extensions;
    const bool debugUtils = hasInstanceExtension(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    if (debugUtils) extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);

    VkDebugUtilsMessengerCreateInfoEXT dbg{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
    dbg.messageSeverity =
        VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    dbg.messageType =
        VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT;
    dbg.pfnUserCallback = onDebugMessage;

    VkInstanceCreateInfo ci{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
    ci.pApplicationInfo = &app;
    ci.enabledExtensionCount = static_cast<uint32_t>(extensions.size());
    ci.ppEnabledExtensionNames = extensions.data();
    if (debugUtils) ci.pNext = &dbg;

    VkResult r = vkCreateInstance(&ci, nullptr, &instance_);
    if (r == VK_ERROR_INCOMPATIBLE_DRIVER)
        throw Error(Error::Kind::Device, "no Vulkan driver found; install your GPU's Vulkan driver "
                                         "(on Linux: mesa-vulkan-drivers or the vendor driver)");
    check(r, "creating the Vulkan instance");

    if (debugUtils) {
        auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance_, "vkCreateDebugUtilsMessengerEXT"));
        if (create) create(instance_, &dbg, nullptr, &messenger_);
    }
}

Instance::~Instance() {
    if (messenger_) {
        auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance_, "vkDestroyDebugUtilsMessengerEXT"));
        if (destroy) destroy(instance_, messenger_, nullptr);
    }
    if (instance_) vkDestroyInstance(instance_, nullptr);
}

} // namespace sosoik::vk
