#pragma once
// Per-kernel GPU time for tuning (SOSOIK_VK_PROFILE=1): timestamps after every op of a
// recorded forward pass, summed by op name and printed to stderr when the backend closes.
// Off by default; then every call is a no-op.
#include <vulkan/vulkan.h>

#include <map>
#include <string>
#include <vector>

namespace sosoik::vk {

class Profiler {
public:
    Profiler(VkDevice device, float timestampPeriodNs);
    ~Profiler();
    bool enabled() const { return enabled_; }
    void begin(VkCommandBuffer cb);                // at the start of recording
    void mark(VkCommandBuffer cb, const char* op); // after the op just recorded
    void collect(VkCommandBuffer cb);              // after the submit completed

private:
    struct Record {
        VkQueryPool pool = VK_NULL_HANDLE;
        std::vector<std::string> ops;
    };
    VkDevice device_;
    float period_;
    bool enabled_ = false;
    std::map<VkCommandBuffer, Record> records_;
    std::map<std::string, double> totalsMs_;
};

} // namespace sosoik::vk
