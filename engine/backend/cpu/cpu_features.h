#pragma once
// What the CPU backend may use on this machine: the SIMD level (detected at run time, so one
// binary runs on any x86-64 CPU) and how many threads to run by default.
#include <string>

namespace sosoik::backend::cpu {

// Kernel levels, lowest first. Each level's kernels are compiled for that level only (the
// kernels_<isa>.cpp files enable their instructions per function), so choosing a level the CPU
// lacks is the only way to hit an illegal instruction, and chosenIsa() never does.
enum class Isa { Scalar, Avx2, Avx512 };
constexpr int kIsaCount = 3;

// The best level this CPU and OS support (AVX2 needs AVX2+FMA+F16C; AVX-512 needs F, BW, VL and
// VNNI, with the OS saving the wide registers).
Isa detectIsa();
// detectIsa(), lowered by SOSOIK_CPU_ISA=scalar|avx2|avx512 (a higher level than the CPU has is
// ignored, so the switch cannot make the backend crash). Read on every call: tests set it.
Isa chosenIsa();
bool isaSupported(Isa isa);
const char* isaName(Isa isa); // "scalar", "AVX2", "AVX-512 VNNI"
// "scalar" / "avx2" / "avx512" as SOSOIK_CPU_ISA spells them; nullopt-like: false when unknown.
bool parseIsa(const std::string& name, Isa& out);

// How prompt batches of quantized weights are multiplied (matmul.cpp): Int keeps 16-bit activations and
// multiplies int16 pair groups with pmaddwd; Float decodes each chunk of weight rows to F32 and multiplies
// the float activations with FMA tiles (exact to float rounding). Float on AMD Zen 1 and Zen 2, where
// pmaddwd issues on one pipe and FMA on two (measured per thread, 128 tokens: Zen 1 18 against 14 GMAC/s;
// Zen 2 Q4_0/Q8_0 37-39 against 35-36, Q4_1/Q4_K 36-39 against 28-33, equal at k = 2048); Int elsewhere
// (Intel cores since Skylake issue pmaddwd on two ports, twice FMA's multiply-adds per instruction).
// On Zen 1/2 only batches of kFloatPromptTokens or more: below that Int wins there too (its activations'
// pair groups and the decoded chunk still fit L2; one thread, 2048 × 8192, GMAC/s int/float: 8 tokens Q4_0
// 30.2/23.8, Q4_K 21.4/20.1, Q6_K 22.3/17.9, IQ4_XS 26.8/21.0; 11 tokens 31.9/27.1, 23.5/23.5, 24.9/21.2;
// 12 tokens 32.6/29.5, 24.3/25.7, 26.3/23.1, and at 8192 × 2048 × 16 tokens Float wins the K-quants: Q4_K
// 24.0/26.4). SOSOIK_CPU_PROMPT=int|float overrides for every batch; read on every call (tests set it).
enum class PromptMath { Int, Float };
constexpr int kFloatPromptTokens = 12;
PromptMath chosenPromptMath(int tokens);
// Whether prompt batches of the types with 8-bit kernels (kernels.h, ActQ8Panel: Q4_0, Q4_1, Q5_0, Q5_1,
// Q4_K, Q5_K) quantize the activations to 8 bits (the other types keep chosenPromptMath(n)): `requested`
// (LoadOptions::cpuFastPrompts; 1.4-1.6x faster prompts on Zen 2, but less accurate: cpu_features.cpp says
// why it is not the default), unless SOSOIK_CPU_PROMPT is set: int8 on, int or float off, whatever was
// requested.
bool chosenPromptInt8(bool requested = false);

// Physical cores available to this process (hyper-threads share a core's vector units, so
// matrix kernels gain nothing from them); at least 1.
int physicalCores();

} // namespace sosoik::backend::cpu
