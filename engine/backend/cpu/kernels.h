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
// is also two instructions) — see docs/ARCHITECTURE.md. Opt-in (LoadOptions::cpuFastPrompts, the app's
// Settings → CPU, or SOSOIK_CPU_PROMPT=int8): prompt batches of the 4-/5-bit types with 8-bit activations
// (ActQ8Panel below), 1.7x the multiply rate on AMD Zen 2 at 0.5 % error per product, but the built-in
// SmolLM2 stopped answering "Paris" with them (tst_cli_builtin_models).
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

// Prompt batches (matmul.cpp, kMinGroupTokens tokens or more) on levels that fill Kernels::groupTile:
// a chunk of weight rows is decoded once into int16 "pair groups" in a per-thread buffer, then
// multiplied with every token's activations in the same layout. A group holds two 32-value blocks
// A and B as four 16-value vectors [A0..7 B0..7] [A8..15 B8..15] [A16..23 B16..23] [A24..31 B24..31],
// so the 4 pmaddwd of one (row, token) pair leave block A in the low four int32 lanes and B in the
// high four: one convert, multiply and FMA per 64 values and pair (with the scales as
// [sA ×4 | sB ×4]) instead of one per 32 values plus a scalar scale product, and no widening or
// nibble work inside the token loop. An odd last block pairs with zeros.
struct Q16Group {
    int16_t qs[64];
    float scale[8]; // [sA ×4 | sB ×4]
    float min[8];   // [mA, mA', 0, 0 | mB, mB', 0, 0]: the minimum of values 0..15 and 16..31 (Q2_K: two)
};
struct ActQ16Group {
    int16_t qs[64];
    float d[8];    // [dA ×4 | dB ×4]
    float dSum[8]; // [dA·Σ qs 0..15 of A, dA·Σ 16..31, 0, 0 | the same for B]: pays the minimums
};
// Pair groups of one row of k values (k a multiple of 32).
inline int q16Groups(int k) {
    return (k / 32 + 1) / 2;
}

// out[j] = row · act_j for j < n: one weight row of k elements (in its GGUF blocks) against n
// activation rows actStride bytes apart, in `format`.
using DotRows = void (*)(int k, const void* row, const void* act, size_t actStride, int n, float* out);

// out[j·outStride + r] = row_r · act_j for r < nRows weight rows rowBytes apart and j < n: the
// matrix product of a chunk of rows, in register tiles of several weight and activation rows.
using DotTile = void (*)(int k, const void* rows, size_t rowBytes, int nRows, const void* act,
                         size_t actStride, int n, float* out, size_t outStride);

// One weight row (in its GGUF blocks) into q16Groups(k) pair groups.
using DecodeGroups = void (*)(int k, const void* row, Q16Group* out);
// out[j·outStride + r] = row_r · act_j for r < nRows rows of `groups` pair groups each (w, row after
// row) and j < n activation rows (act, likewise); `mins`: the rows' types have additive minimums.
using GroupTile = void (*)(int groups, const Q16Group* w, int nRows, const ActQ16Group* act, int n, bool mins,
                           float* out, size_t outStride);

// 8-bit prompt batches (matmul.cpp's runInt8, only where chosenPromptInt8(): cpu_features.h), for the
// types whose quants are small unsigned integers (w = scale·u − min, u ≤ 31): `vpmaddubsw` multiplies u
// (unsigned bytes) with 8-bit activations, and up to 8 of its int16 results add up without saturation (16
// products of ≤ 15·127) before one `vpmaddwd` widens them, so a 32-value block costs 8 + 1 multiply
// instructions per 8 tokens instead of 16 `vpmaddwd` (or 32 FMA) — see kernels_x86_int8.inc. Activations of 8
// tokens ("a panel") and one 32-value block, token-interleaved: qs[32·v + 4·t + i] is value 4·v + i of token
// t (q = round(x/d), |q| ≤ 127), so one 4-byte weight broadcast meets all 8 tokens.
struct ActQ8Panel {
    int8_t qs[256];
    float d[8];    // per token: the block's scale (amax / 127)
    float dSum[8]; // d · Σ q: pays the weights' minimums
};
// One 32-value weight block as unsigned bytes in value order, with its scale and minimum.
struct Q8Block {
    uint8_t qs[32];
    float scale, min;
};
// One weight row of k values (k a multiple of 32) into k / 32 blocks.
using DecodeQ8 = void (*)(int k, const void* row, Q8Block* out);
// Token `token` of a batch (k floats) into its lane of the panels (panels[b] for block b; row of panels
// token / 8 of the batch).
using QuantizeQ8 = void (*)(int k, const float* x, ActQ8Panel* panels, int lane);
// out[j·outStride + r] = row_r · act_j for r < nRows rows of `blocks` blocks each and j < n tokens (panel
// row p = j / 8 at act + p·blocks); wide: some quant is above 15 (Q5: int16 sums of 4 instead of 8).
using Q8Tile = void (*)(int blocks, const Q8Block* w, int nRows, const ActQ8Panel* act, int n, bool wide,
                        float* out, size_t outStride);

// One float-type row (F32/F16/BF16) of k values as floats; and the float tile over such rows:
// out[j·outStride + r] = w_r · x_j for r < nRows rows of k floats (w, row after row) and j < n
// activation rows xStride floats apart.
using RowToF32 = void (*)(int k, const void* row, float* out);
using FloatTile = void (*)(int k, const float* w, int nRows, const float* x, size_t xStride, int n,
                           float* out, size_t outStride);

struct TypeKernel {
    ActFormat format = ActFormat::F32;
    DotRows dot = nullptr;  // null: dequantize the row (gguf::dequantizeRow) and use Kernels::dotF32
    DotTile tile = nullptr; // null: dot row by row
    DecodeGroups decodeGroups = nullptr; // null: prompt batches through `tile` (or `dot`)
    bool mins = false;                   // w = scale·q − min: the group tile pays the minimums
    RowToF32 toF32 = nullptr;            // float types on levels with Kernels::floatTile: prompt batches
    DecodeQ8 decodeQ8 = nullptr;         // null: no 8-bit prompt batches for this type
    bool wideQ8 = false;                 // quants up to 31 (Q5_0, Q5_1, Q5_K)
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
    // out = silu(gate)·up, and RMSNorm (weight may be null): the reference ops' math, 8 lanes wide on x86
    void (*swiglu)(int n, const float* gate, const float* up, float* out) = nullptr;
    void (*rmsnorm)(int n, const float* x, const float* weight, float eps, float* out) = nullptr;
    // A token step's attention over a block of n F16 cache rows `stride` halves apart (attention.cpp):
    // out[j] = q · k_j; x[j] = e^(x[j] − max), returning Σ x; acc += Σ w[j] · v_j (hd values each).
    void (*scoresF16)(int hd, const float* q, const uint16_t* k, size_t stride, int n, float* out) = nullptr;
    float (*expSum)(int n, float* x, float max) = nullptr;
    void (*weightedSumF16)(int hd, const float* w, const uint16_t* v, size_t stride, int n,
                           float* acc) = nullptr;
    // The same over F32 rows (a block converted once for a group of heads, or for a prompt tile).
    void (*scoresF32)(int hd, const float* q, const float* k, size_t stride, int n, float* out) = nullptr;
    void (*weightedSumF32)(int hd, const float* w, const float* v, size_t stride, int n,
                           float* acc) = nullptr;
    GroupTile groupTile = nullptr;   // null: this level has no pair-group kernels
    FloatTile floatTile = nullptr;   // null: float rows through `tile` (or `dot`) in prompt batches too
    QuantizeQ8 quantizeQ8 = nullptr; // the 8-bit prompt batches (every level: the scalar ones define them)
    Q8Tile q8Tile = nullptr;
    TypeKernel types[32]; // by gguf type id
    const TypeKernel& forType(gguf::TensorType t) const { return types[static_cast<uint32_t>(t) & 31]; }
    // A type's 8-bit prompt decoder; the Q5 types' quants reach 31, so their tile sums 4 int16 results
    // instead of 8 before widening (Q8Tile's `wide`).
    void setQ8(gguf::TensorType t, DecodeQ8 decode) {
        TypeKernel& tk = types[static_cast<uint32_t>(t) & 31];
        tk.decodeQ8 = decode;
        tk.wideQ8 = t == gguf::TensorType::Q5_0 || t == gguf::TensorType::Q5_1 || t == gguf::TensorType::Q5_K;
    }
};

// The table of a level; throws Error(Unsupported) for a level this CPU lacks.
const Kernels& kernelsFor(Isa isa);

// Bytes of one row of k activations in format f. A Q16 row (quantizeRowQ16) is its k / 32 blocks, then from
// q16InLaneOffset each block's 32 values again in the order [0..7 16..23 | 8..15 24..31] (64 bytes a block):
// the order in which the K-quant token steps' in-lane unpacks widen their weights, laid out once per token
// rather than once per 4-row tile (kernels_x86_kquant.inc, kPrepQs).
size_t activationRowBytes(ActFormat f, int k);
inline size_t q16InLaneOffset(int k) {
    return (size_t(k / 32) * sizeof(ActQ16) + 63) / 64 * 64;
}
// Then, from q16SuperOffset, what the K-quant token steps' tiles need of each 256-value super-block's 8
// blocks, in the vectors they use: gathering them per 4-row tile (vinsertps, vpinsrd) cost the Q6_K tile ~12
// % and the Q4_K tile ~5 % of their time (kernels_x86_kquant.inc).
struct Q16SuperBlock {
    float d[8];         // the blocks' scales
    float dSum[8];      // d·Σ a of each block
    float dHalf[2][8];  // half n: the scales of blocks 4n..4n+3, twice
    int32_t sums[2][8]; // half n: Σ a of values 0..15 of blocks 4n..4n+3, then of values 16..31
};
inline size_t q16SuperOffset(int k) {
    return q16InLaneOffset(k) + size_t(k / 32) * 64;
}
// One Q16 activation row of k values (k a multiple of 32): kernels.quantizeQ16's blocks, the in-lane copy and
// the super-blocks' vectors.
void quantizeRowQ16(const Kernels& kernels, int k, const float* x, void* row);
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
