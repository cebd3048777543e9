#include "backend/backend_registry.h"

#include "backend/cpu/cpu_backend.h"
#include "backend/reference/reference_backend.h"
#include "backend/vulkan/vulkan_backend.h"
#include "backend/vulkan/weight_layout.h"
#include "platform/memory.h"
#include "sosoik/devices.h"
#include "sosoik/error.h"

#include <cstdio>

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

std::string gib(uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f GiB", double(bytes) / double(1ull << 30));
    return buf;
}

// Throws Error(OutOfMemory) when a backend computing in system memory (the native CPU backend or the
// reference) would need more than memoryBytes. referenceBytesNeeded (weights + a float KV cache +
// activations) bounds the CPU backend too: it keeps the same weights and a KV cache no larger.
void checkFitsMemory(const model::HParams& hparams, const model::Weights& weights, uint64_t memoryBytes,
                     const std::string& reasons) {
    if (memoryBytes == 0) memoryBytes = platform::physicalMemoryBytes();
    const uint64_t need = referenceBytesNeeded(hparams, weights);
    if (memoryBytes == 0 || need <= memoryBytes) return;
    throw Error(Error::Kind::OutOfMemory, "this model needs about " + gib(need) +
                                              " of memory to run on the CPU and this computer has " +
                                              gib(memoryBytes) +
                                              (reasons.empty() ? std::string() : " (" + reasons + ")"));
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
                                       const LoadOptions& options, std::string* fallbackReason,
                                       uint64_t memoryBytes) {
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
        if (e.kind == BackendKind::Reference || e.kind == BackendKind::Cpu)
            checkFitsMemory(hparams, weights, memoryBytes, reasons);
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
