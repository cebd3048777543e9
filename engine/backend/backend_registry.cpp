#include "backend/backend_registry.h"

#include "backend/cpu/cpu_backend.h"
#include "backend/reference/reference_backend.h"
#include "backend/vulkan/vulkan_backend.h"
#include "backend/vulkan/weight_layout.h"
#include "sosoik/devices.h"
#include "sosoik/error.h"

namespace sosoik::backend {
namespace {

// Auto prefers Vulkan only on a real GPU: a CPU implementation of Vulkan (lavapipe/llvmpipe,
// SwiftShader) computes on the same cores as the native CPU backend, several times slower. An
// explicit device (index or name) is the user's choice and is kept.
bool vulkanOnlyOnCpu(const LoadOptions& options, std::string& why) {
    if (options.device >= 0 || !options.deviceName.empty()) return false;
    const auto devices = listDevices();
    const int preferred = preferredDevice(devices);
    if (preferred < 0) return false; // the Vulkan factory says why in its own words
    for (const auto& d : devices)
        if (d.index == preferred && d.type == "cpu") {
            why =
                "its only device, " + d.name + ", is a CPU implementation (the native CPU backend is faster)";
            return true;
        }
    return false;
}

} // namespace

const std::vector<BackendEntry>& backendRegistry() {
    // Preferred first; Auto walks this list. One line per backend.
    static const std::vector<BackendEntry> entries = {
        {BackendKind::Vulkan, "vulkan", &createVulkanBackend},
        {BackendKind::Cpu, "cpu", &createCpuBackend},
        {BackendKind::Reference, "reference", &createReferenceBackend},
    };
    return entries;
}

bool backendRunsType(BackendKind kind, gguf::TensorType t) {
    const auto traits = gguf::traits(static_cast<uint32_t>(t));
    if (!traits || !traits->supported) return false; // the loader refuses it on every backend
    switch (kind) {
    case BackendKind::Reference:
    case BackendKind::Cpu: // native kernels or the shared dequantizers (cpu/kernels.h)
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
        std::string skip;
        if (e.kind == BackendKind::Vulkan && vulkanOnlyOnCpu(options, skip)) {
            reasons += (reasons.empty() ? "" : "; ") + std::string(e.name) + ": " + skip;
            continue;
        }
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
