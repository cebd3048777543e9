// AVX-512 (F, BW, VL) + VNNI kernels: the AVX2 kernels of kernels_x86.inc compiled for AVX-512,
// with the 16-bit multiply-adds accumulated by VPDPWSSD and the float loops 16 wide. Same rules as
// kernels_avx2.cpp.
#include "backend/cpu/kernels.h"

#include "gguf/block_helpers.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SOSOIK_HAVE_AVX512_KERNELS 1
#include <immintrin.h>
#endif

namespace sosoik::backend::cpu::detail {

#ifdef SOSOIK_HAVE_AVX512_KERNELS
#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2,fma,f16c,avx512f,avx512bw,avx512vl,avx512vnni"))),  \
                             apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx2,fma,f16c,avx512f,avx512bw,avx512vl,avx512vnni")
// GCC 12's own avx512fintrin.h trips -Wuninitialized in _mm512_cvtph_ps / _mm512_reduce_add_ps.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#define SOSOIK_ISA_NS avx512
#define SOSOIK_VNNI 1
#include "backend/cpu/kernels_x86.inc"
#undef SOSOIK_VNNI
#undef SOSOIK_ISA_NS
#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC diagnostic pop
#pragma GCC pop_options
#endif
#define SOSOIK_ISA_NS avx512
#define SOSOIK_X86_TABLE 1
#include "backend/cpu/kernels_x86.inc"
#undef SOSOIK_X86_TABLE
#undef SOSOIK_ISA_NS

void fillAvx512(Kernels& k) {
    avx512::fill(k);
    k.isa = Isa::Avx512;
}
#else
void fillAvx512(Kernels&) {}
#endif

} // namespace sosoik::backend::cpu::detail
