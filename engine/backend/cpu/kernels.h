#pragma once
// The CPU backend's kernel table: one per SIMD level (kernels_scalar.cpp, kernels_avx2.cpp, ...),
// chosen at run time (cpu_features.h). Everything above this table (matmul.cpp, attention.cpp,
// cpu_backend.cpp) is level-independent and calls through it.
//
// Matrix products read the weights in their GGUF blocks directly. The activations they multiply
// are prepared once per op in the format the weight type's dot product wants (ActFormat): F32
// for float weights and for the types without a native kernel (their rows are dequantized with
// the shared gguf dequantizers), 16-bit integer blocks for the quantized types, so the inner loops
// are integer multiply-adds (pmaddwd / VPDPWSSD). Why 16 and not 8 bits as in ggml: with 8-bit
// activations the logits of the synthetic test models drifted 1.6e-2..3.6e-2 (normalized) from
// the float reference and greedy tokens changed; 16-bit blocks stay at float accuracy (~1e-4) at
// nearly the same speed, because the quants have to be widened for pmaddwd anyway (maddubs + madd
// is also two instructions) — see docs/ARCHITECTURE.md.
#include "backend/cpu/cpu_features.h"
#include "gguf/tensor_types.h"

#include <cstddef>
#include <cstdint>

namespace sosoik::backend::cpu {

// Activations of 32 values as int16 with one scale (x ≈ d · q, |q| ≤ 32767); sum = Σ qs, for the
// weight types with an additive minimum (w = d·q − m: Σ w·a = d·Σ q·a − m·Σ a); sumLow = Σ of qs
// 0..15, for Q2_K's minimums per 16 values.
struct ActQ16 {
    float d;
    int32_t sum, sumLow;
    int16_t qs[32];
};

enum class ActFormat { F32, Q16 };

// out[j] = row · act_j for j < n: one weight row of k elements (in its GGUF blocks) against n
// activation rows actStride bytes apart, in `format`.
using DotRows = void (*)(int k, const void* row, const void* act, size_t actStride, int n, float* out);

// out[j·outStride + r] = row_r · act_j for r < nRows weight rows rowBytes apart and j < n: the
// matrix product of a chunk of rows, in register tiles of several weight and activation rows.
using DotTile = void (*)(int k, const void* rows, size_t rowBytes, int nRows, const void* act,
                         size_t actStride, int n, float* out, size_t outStride);

struct TypeKernel {
    ActFormat format = ActFormat::F32;
    DotRows dot = nullptr;  // null: dequantize the row (gguf::dequantizeRow) and use Kernels::dotF32
    DotTile tile = nullptr; // null: dot row by row
};

struct Kernels {
    Isa isa = Isa::Scalar;
    float (*dotF32)(int n, const float* a, const float* b) = nullptr;
    float (*dotF16)(int n, const uint16_t* a, const float* b) = nullptr; // attention: q · k (F16 cache)
    void (*axpyF16)(int n, float alpha, const uint16_t* x, float* y) = nullptr; // y += alpha · x (v rows)
    void (*axpyF32)(int n, float alpha, const float* x, float* y) = nullptr;    // y += alpha · x
    void (*scale)(int n, float s, float* y) = nullptr;                          // y *= s
    void (*toF16)(int n, const float* x, uint16_t* y) = nullptr;                // the KV cache's stores
    void (*fromF16)(int n, const uint16_t* x, float* y) = nullptr;              // F16 rows reused by a batch
    void (*quantizeQ16)(int n, const float* x, ActQ16* y) = nullptr;            // n a multiple of 32
    TypeKernel types[32];                                                       // by gguf type id
    const TypeKernel& forType(gguf::TensorType t) const { return types[static_cast<uint32_t>(t) & 31]; }
};

// The table of a level; throws Error(Unsupported) for a level this CPU lacks.
const Kernels& kernelsFor(Isa isa);

// Bytes of one row of k activations in format f.
size_t activationRowBytes(ActFormat f, int k);
// Whether the type has a native kernel at this level ("fast"), or runs through the dequantizer.
bool hasNativeKernel(const Kernels& kernels, gguf::TensorType t);

namespace detail {
// Each level fills its table over the scalar one (entries it leaves alone stay scalar).
void fillScalar(Kernels& k);
void fillAvx2(Kernels& k);   // kernels_avx2.cpp (no-op where the compiler cannot target AVX2)
void fillAvx512(Kernels& k); // kernels_avx512.cpp
float fp16(uint16_t h);      // table lookup shared by the scalar kernels
} // namespace detail

} // namespace sosoik::backend::cpu
