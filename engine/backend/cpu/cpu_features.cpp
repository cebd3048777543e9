#include "backend/cpu/cpu_features.h"

#include "sosoik/devices.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>

#if defined(__linux__)
#include <sched.h>
#endif

namespace sosoik::backend::cpu {

Isa detectIsa() {
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
    // __builtin_cpu_supports also checks that the OS saves the YMM/ZMM state (XGETBV).
    __builtin_cpu_init();
    const bool avx2 =
        __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
    const bool avx512 = avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vnni");
    if (avx512) return Isa::Avx512;
    if (avx2) return Isa::Avx2;
#endif
    return Isa::Scalar;
}

bool parseIsa(const std::string& name, Isa& out) {
    if (name == "scalar")
        out = Isa::Scalar;
    else if (name == "avx2")
        out = Isa::Avx2;
    else if (name == "avx512")
        out = Isa::Avx512;
    else
        return false;
    return true;
}

Isa chosenIsa() {
    const Isa best = detectIsa();
    Isa wanted;
    const char* env = std::getenv("SOSOIK_CPU_ISA");
    if (env && *env && parseIsa(env, wanted)) return std::min(best, wanted);
    return best;
}

PromptMath chosenPromptMath(int tokens) {
    const char* env = std::getenv("SOSOIK_CPU_PROMPT");
    if (env && std::string(env) == "int") return PromptMath::Int;
    if (env && std::string(env) == "float") return PromptMath::Float;
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
    __builtin_cpu_init();
    if (__builtin_cpu_is("znver1") || __builtin_cpu_is("znver2"))
        return tokens >= kFloatPromptTokens ? PromptMath::Float : PromptMath::Int;
#endif
    return PromptMath::Int;
}

bool chosenPromptInt8(bool requested) {
    const char* env = std::getenv("SOSOIK_CPU_PROMPT");
    if (env && *env) return std::string(env) == "int8";
    // Off unless asked for (the app's "Faster prompts on the CPU" setting): on Zen 2 it made prompts 1.4-1.6x
    // faster, but the built-in SmolLM2 no longer answered "Paris" in tst_cli_builtin_models (float prompt
    // math does), and a 6-layer synthetic exaone4 model's logits read 2.0e-2..3.2e-2 from the reference
    // (docs/PERFORMANCE.md).
    return requested;
}

bool isaSupported(Isa isa) {
    return isa <= detectIsa();
}

const char* isaName(Isa isa) {
    switch (isa) {
    case Isa::Scalar:
        return "scalar";
    case Isa::Avx2:
        return "AVX2";
    case Isa::Avx512:
        return "AVX-512 VNNI";
    }
    return "?";
}

int physicalCores() {
    int allowed = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
#if defined(__linux__)
    cpu_set_t set;
    CPU_ZERO(&set);
    std::set<std::string> cores; // one entry per physical core among the CPUs we may run on
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        allowed = std::max(1, CPU_COUNT(&set));
        for (int c = 0; c < CPU_SETSIZE; ++c) {
            if (!CPU_ISSET(c, &set)) continue;
            std::ifstream f("/sys/devices/system/cpu/cpu" + std::to_string(c) +
                            "/topology/thread_siblings_list");
            std::string siblings;
            if (!(f >> siblings)) return allowed; // no topology (some containers): count logical CPUs
            cores.insert(siblings);
        }
        if (!cores.empty()) return std::min(allowed, static_cast<int>(cores.size()));
    }
#endif
    return allowed;
}

} // namespace sosoik::backend::cpu

namespace sosoik {

CpuDeviceInfo cpuDevice() {
    return {backend::cpu::physicalCores(), backend::cpu::isaName(backend::cpu::chosenIsa())};
}

} // namespace sosoik
