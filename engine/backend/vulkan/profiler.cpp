#include "backend/vulkan/profiler.h"

#include <cstdio>
#include <cstdlib>

namespace sosoik::vk {

constexpr uint32_t kMaxMarks = 1024;

Profiler::Profiler(VkDevice device, float timestampPeriodNs) : device_(device), period_(timestampPeriodNs) {
    const char* env = std::getenv("SOSOIK_VK_PROFILE");
    enabled_ = env && *env && std::string(env) != "0";
}

Profiler::~Profiler() {
    if (!enabled_) return;
    double total = 0;
    for (const auto& [op, ms] : totalsMs_)
        total += ms;
    std::fprintf(stderr, "vulkan profile (GPU time by op):\n");
    for (const auto& [op, ms] : totalsMs_)
        std::fprintf(stderr, "  %-16s %10.2f ms  %5.1f%%\n", op.c_str(), ms,
                     total > 0 ? 100 * ms / total : 0);
    for (auto& [cb, r] : records_)
        vkDestroyQueryPool(device_, r.pool, nullptr);
}

void Profiler::begin(VkCommandBuffer cb) {
    if (!enabled_) return;
    Record& r = records_[cb];
    r.ops.clear();
    if (!r.pool) {
        VkQueryPoolCreateInfo ci{VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO};
        ci.queryType = VK_QUERY_TYPE_TIMESTAMP;
        ci.queryCount = kMaxMarks + 1;
        vkCreateQueryPool(device_, &ci, nullptr, &r.pool);
    }
    vkCmdResetQueryPool(cb, r.pool, 0, kMaxMarks + 1);
    vkCmdWriteTimestamp(cb, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, r.pool, 0);
}

void Profiler::mark(VkCommandBuffer cb, const char* op) {
    if (!enabled_) return;
    Record& r = records_[cb];
    if (r.ops.size() >= kMaxMarks) return;
    r.ops.emplace_back(op);
    vkCmdWriteTimestamp(cb, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, r.pool,
                        static_cast<uint32_t>(r.ops.size()));
}

void Profiler::collect(VkCommandBuffer cb) {
    if (!enabled_) return;
    auto it = records_.find(cb);
    if (it == records_.end() || it->second.ops.empty()) return;
    const Record& r = it->second;
    std::vector<uint64_t> ts(r.ops.size() + 1);
    if (vkGetQueryPoolResults(device_, r.pool, 0, static_cast<uint32_t>(ts.size()), ts.size() * 8, ts.data(),
                              8, VK_QUERY_RESULT_64_BIT) != VK_SUCCESS)
        return;
    for (size_t i = 0; i < r.ops.size(); ++i)
        totalsMs_[r.ops[i]] += double(ts[i + 1] - ts[i]) * period_ * 1e-6;
}

} // namespace sosoik::vk
