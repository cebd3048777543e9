#include "command.h"

#include "sosoik/devices.h"

#include <cstdio>

namespace sosoik::cli {
namespace {

int runDevices(Args& args) {
    args.positionals();
    const CpuDeviceInfo cpu = cpuDevice();
    std::string why;
    auto devices = listDevices(&why);
    if (devices.empty()) {
        std::printf("  cpu: %d threads, %s (native CPU backend: --backend cpu)\n", cpu.threads,
                    cpu.isa.c_str());
        std::fprintf(stderr, "error: no Vulkan device available: %s\n", why.c_str());
        return 1;
    }
    const int preferred = preferredDevice(devices);
    for (const auto& d : devices) {
        std::printf("%c %d: %s\n", d.index == preferred ? '*' : ' ', d.index, d.name.c_str());
        std::printf("     type %s, Vulkan %s, driver %s\n", d.type.c_str(), d.apiVersion.c_str(),
                    d.driver.c_str());
        std::printf("     VRAM %.1f GiB, subgroup %u, shared memory %u KiB, max storage buffer %llu MiB\n",
                    static_cast<double>(d.deviceLocalBytes) / (1ull << 30), d.subgroupSize,
                    d.sharedMemoryBytes / 1024,
                    static_cast<unsigned long long>(d.maxStorageBufferRange >> 20));
        std::printf("     features: fp16 %s, 16-bit storage %s, 8-bit storage %s, int dot %s, "
                    "cooperative matrix %s, memory budget %s\n",
                    d.fp16 ? "yes" : "no", d.storage16 ? "yes" : "no", d.storage8 ? "yes" : "no",
                    d.integerDotProduct ? "yes" : "no", d.cooperativeMatrix ? "yes" : "no",
                    d.memoryBudget ? "yes" : "no");
    }
    // Auto runs on the CPU backend when the only Vulkan devices are CPU implementations (lavapipe).
    std::printf("  cpu: %d threads, %s (native CPU backend: --backend cpu%s)\n", cpu.threads, cpu.isa.c_str(),
                devices[size_t(preferred)].type == "cpu" ? "; auto uses it here" : "");
    return 0;
}

const RegisterCommand reg{{"devices", "list Vulkan devices (* marks the default) and the CPU",
                           "usage: sosoik-cli devices\n\nLists every Vulkan device with its type, VRAM, "
                           "subgroup size and the features the engine uses, then the CPU backend's threads "
                           "and SIMD level.",
                           runDevices}};

} // namespace
} // namespace sosoik::cli
