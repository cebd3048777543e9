#include "backend/backend_registry.h"

#include "backend/reference/reference_backend.h"
#include "backend/vulkan/vulkan_backend.h"
#include "backend/vulkan/weight_layout.h"
#include "sosoik/error.h"

namespace sosoik::backend {

const std::vector<BackendEntry>& backendRegistry() {
    // Preferred first; Auto walks this list. One line per backend.
    static const std::vector<BackendEntry> entries = {
        {BackendKind::Vulkan, "vulkan", &createVulkanBackend},
        {BackendKind::Reference, "reference", &createReferenceBackend},
    };
    return entries;
}

bool backendRunsType(BackendKind kind, gguf::TensorType t) {
    const auto traits = gguf::traits(static_cast<uint32_t>(t));
    if (!traits || !traits->supported) return false; // the loader refuses it on every backend
    switch (kind) {
    case BackendKind::Reference:
        return true;
    case BackendKind::Vulkan:
        return vk::hasKernels(t);
    default:
        return false;
    }
}

std::unique_ptr<Backend> createBackend(const model::HParams& hparams, const model::Weights& weights,
                                       const LoadOptions& options, std::string* fallbackReason) {
    const auto& entries = backendRegistry();
    if (options.backend != BackendKind::Auto) {
        for (const auto& e : entries)
            if (e.kind == options.backend) return e.create(hparams, weights, options);
        throw Error(Error::Kind::Unsupported, options.backend == BackendKind::Vulkan
                                                  ? "this build has no Vulkan backend"
                                                  : "the requested backend is not available");
    }
    std::string reasons;
    for (const auto& e : entries) {
        try {
            auto b = e.create(hparams, weights, options);
            if (fallbackReason) *fallbackReason = reasons;
            return b;
        } catch (const Error& err) {
            if (err.kind() != Error::Kind::Device && err.kind() != Error::Kind::Unsupported) throw;
            reasons += (reasons.empty() ? "" : "; ") + std::string(e.name) + ": " + err.what();
        }
    }
    throw Error(Error::Kind::Device, "no backend could run this model (" + reasons + ")");
}

} // namespace sosoik::backend
