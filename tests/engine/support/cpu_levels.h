#pragma once
// The kernel tables the CPU tests run, by test level: the engine's SIMD levels (cpu::Isa, as
// cpu::kernelsFor gives them, where this CPU has them), then "AVX-512 VNNI (emulated)": the
// AVX-512 kernels with their AVX-512 instructions emulated on AVX2 (avx512_emulated.cpp), so
// their arithmetic is checked on machines without AVX-512 too.
#include "backend/cpu/cpu_features.h"
#include "backend/cpu/kernels.h"

#include <string>

namespace sosoik::test {

constexpr int kCpuTestLevels = backend::cpu::kIsaCount + 1;
constexpr int kEmulatedAvx512Level = backend::cpu::kIsaCount;

// Null where the level cannot run here: a level this CPU lacks, or the emulated one without SIMDe
// at build time or without AVX2.
const backend::cpu::Kernels* cpuLevelKernels(int level);
std::string cpuLevelName(int level); // "scalar", "AVX2", "AVX-512 VNNI", "AVX-512 VNNI (emulated)"
// Why cpuLevelKernels(level) is null, for QSKIP.
const char* cpuLevelMissing(int level);

const backend::cpu::Kernels* emulatedAvx512Kernels(); // avx512_emulated.cpp

} // namespace sosoik::test
