#include "cpu_levels.h"

namespace sosoik::test {

namespace cpu = backend::cpu;

const cpu::Kernels* cpuLevelKernels(int level) {
    if (level == kEmulatedAvx512Level) return emulatedAvx512Kernels();
    if (level < 0 || level >= cpu::kIsaCount || !cpu::isaSupported(cpu::Isa(level))) return nullptr;
    return &cpu::kernelsFor(cpu::Isa(level));
}

std::string cpuLevelName(int level) {
    if (level == kEmulatedAvx512Level) return std::string(cpu::isaName(cpu::Isa::Avx512)) + " (emulated)";
    return cpu::isaName(cpu::Isa(level));
}

const char* cpuLevelMissing(int level) {
    if (level == kEmulatedAvx512Level)
        return "no emulated AVX-512 here (needs SIMDe, libsimde-dev, at build time and an AVX2 CPU)";
    return "this CPU lacks the level";
}

} // namespace sosoik::test
