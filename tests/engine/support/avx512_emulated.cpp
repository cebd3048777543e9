// The AVX-512 VNNI kernels, executed on a CPU without AVX-512: kernels_x86.inc compiled as
// kernels_avx512.cpp compiles it (SOSOIK_VNNI: VPDPWSSD / VPDPBUSD accumulation, 512-bit float
// loops), but with those AVX-512 instructions taken from SIMDe (simd-everywhere, libsimde-dev), an
// independent implementation of Intel's intrinsics built here from AVX2, and everything else AVX2.
// Why: no machine this project is built and tested on has AVX-512 (docs/PERFORMANCE.md), so the
// code under #ifdef SOSOIK_VNNI had never run; this checks its arithmetic in every CPU test. What it
// cannot check is the compiler's AVX-512 code generation for the rest of the file.
//
// Only the AVX-512 intrinsics below are replaced: one the file starts using that is not listed
// here stays GCC's own, which cannot be inlined into this AVX2 code and fails the build ("target
// specific option mismatch"), so the list cannot silently fall behind the kernels.
#include "cpu_levels.h"

#include "backend/cpu/kernels.h"
#include "gguf/block_helpers.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && __has_include(<simde/x86/avx512.h>)
#define SOSOIK_EMULATED_AVX512 1
// SIMDe builds on native AVX2 (its __m256i is the compiler's), its functions (static inline) compiled
// for AVX2 by the pragma here only; GCC's pragma does not define __AVX2__, so SIMDe is told.
#pragma GCC push_options
#pragma GCC target("avx2,fma,f16c")
#include <immintrin.h>
#define SIMDE_X86_AVX2_NATIVE
#define SIMDE_X86_AVX_NATIVE
#define SIMDE_X86_FMA_NATIVE
#define SIMDE_X86_F16C_NATIVE
#define SIMDE_X86_SSE4_2_NATIVE
#define SIMDE_X86_SSE4_1_NATIVE
#define SIMDE_X86_SSSE3_NATIVE
#define SIMDE_X86_SSE3_NATIVE
#include <simde/x86/avx512.h>
// (Were it not native, its __m256i would be its own vector type, and the kernels' calls below would
// not compile: "cannot convert '__m256i'".)

namespace {                              // internal: compiled for AVX2, called only from the kernels below
simde__m512 emulatedCvtphPs(__m256i h) { // SIMDe 0.7.4 has no _mm512_cvtph_ps
    const __m256 lo = _mm256_cvtph_ps(_mm256_castsi256_si128(h)),
                 hi = _mm256_cvtph_ps(_mm256_extracti128_si256(h, 1));
    return simde_mm512_insertf32x8(simde_mm512_castps256_ps512(lo), hi, 1);
}
float emulatedReduceAddPs(simde__m512 v) { // nor _mm512_reduce_add_ps
    alignas(64) float f[16];
    simde_mm512_store_ps(f, v);
    float s = 0;
    for (float x : f)
        s += x;
    return s;
}
} // namespace

#define __m512 simde__m512
#define _mm512_setzero_ps simde_mm512_setzero_ps
#define _mm512_loadu_ps simde_mm512_loadu_ps
#define _mm512_add_ps simde_mm512_add_ps
#define _mm512_fmadd_ps simde_mm512_fmadd_ps
#define _mm512_cvtph_ps ::emulatedCvtphPs
#define _mm512_reduce_add_ps ::emulatedReduceAddPs
#undef _mm256_dpwssd_epi32 // SIMDe's own aliases, if it made them: the same functions
#undef _mm256_dpbusd_epi32
#define _mm256_dpwssd_epi32 simde_mm256_dpwssd_epi32
#define _mm256_dpbusd_epi32 simde_mm256_dpbusd_epi32
#endif

namespace sosoik::backend::cpu::detail {
#ifdef SOSOIK_EMULATED_AVX512
#define SOSOIK_ISA_NS avx512emulated
#define SOSOIK_VNNI 1
#include "backend/cpu/kernels_x86.inc"
#undef SOSOIK_VNNI
#undef SOSOIK_ISA_NS
#pragma GCC pop_options
#define SOSOIK_ISA_NS avx512emulated
#define SOSOIK_X86_TABLE 1
#include "backend/cpu/kernels_x86.inc"
#undef SOSOIK_X86_TABLE
#undef SOSOIK_ISA_NS
#endif
} // namespace sosoik::backend::cpu::detail

namespace sosoik::test {

const backend::cpu::Kernels* emulatedAvx512Kernels() {
#ifdef SOSOIK_EMULATED_AVX512
    if (!backend::cpu::isaSupported(backend::cpu::Isa::Avx2)) return nullptr; // built from AVX2
    static const backend::cpu::Kernels table = [] {
        backend::cpu::Kernels k; // layered as kernelsFor(Isa::Avx512) layers the real one
        backend::cpu::detail::fillScalar(k);
        backend::cpu::detail::fillAvx2(k);
        backend::cpu::detail::avx512emulated::fill(k);
        k.isa = backend::cpu::Isa::Avx512;
        return k;
    }();
    return &table;
#else
    return nullptr;
#endif
}

} // namespace sosoik::test
