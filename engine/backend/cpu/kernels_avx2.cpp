// AVX2 + FMA + F16C kernels. Only the functions below the target pragma use these instructions
// (every header is included before it, so no inline function of a header is compiled for AVX2 and
// shared with code that runs on older CPUs); kernelsFor() installs them only when the CPU has them.
#include "backend/cpu/kernels.h"

#include "gguf/block_helpers.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SOSOIK_HAVE_AVX2_KERNELS 1
#include <immintrin.h>
#endif

namespace sosoik::backend::cpu::detail {

#ifdef SOSOIK_HAVE_AVX2_KERNELS
#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2,fma,f16c"))), apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx2,fma,f16c")
#endif
#define SOSOIK_ISA_NS avx2
#include "backend/cpu/kernels_x86.inc"
#undef SOSOIK_ISA_NS
#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif
#define SOSOIK_ISA_NS avx2
#define SOSOIK_X86_TABLE 1
#include "backend/cpu/kernels_x86.inc"
#undef SOSOIK_X86_TABLE
#undef SOSOIK_ISA_NS

void fillAvx2(Kernels& k) {
    avx2::fill(k);
    k.isa = Isa::Avx2;
}
#else
void fillAvx2(Kernels&) {}
#endif

} // namespace sosoik::backend::cpu::detail
