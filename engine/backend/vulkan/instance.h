#pragma once
// The process-wide Vulkan instance. Created lazily; when the Khronos validation layer is
// enabled (VK_INSTANCE_LAYERS), every validation message is printed, counted, and — with
// SOSOIK_VALIDATION_FATAL=1, as the test suite sets it — aborts the process so a test fails.
#include <vulkan/vulkan.h>

#include <cstdint>
#include <string>

namespace sosoik::vk {

class Instance {
public:
    // Throws sosoik::Error(Device) with a readable message when no loader/ICD is usable.
    static Instance& get();
    VkInstance handle() const { return instance_; }
    uint32_t apiVersion() const { return apiVersion_; }
    static uint64_t validationMessageCount();

    Instance(const Instance&) = delete;
    Instance& operator=(const Instance&) = delete;
    ~Instance();

private:
    Instance();
    VkInstance instance_ = VK_NULL_HANDLE;
    VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
    uint32_t apiVersion_ = VK_API_VERSION_1_2;
};

std::string resultString(VkResult r);
// Throws sosoik::Error(Device or OutOfMemory) naming `what` when r is not VK_SUCCESS.
void check(VkResult r, const char* what);

} // namespace sosoik::vk
