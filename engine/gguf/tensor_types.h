#pragma once
// ggml tensor types with their exact block layouts (see ggml's ggml-common.h for the
// reference definitions). Values are the on-disk type ids.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sosoik::gguf {

enum class TensorType : uint32_t {
    F32 = 0,
    F16 = 1,
    Q4_0 = 2,
    Q4_1 = 3,
    Q5_0 = 6,
    Q5_1 = 7,
    Q8_0 = 8,
    Q8_1 = 9,
    Q2_K = 10,
    Q3_K = 11,
    Q4_K = 12,
    Q5_K = 13,
    Q6_K = 14,
    Q8_K = 15,
    IQ4_NL = 20,
    IQ4_XS = 23,
    BF16 = 30,
};

struct TypeTraits {
    std::string_view name;  // "Q4_0"
    uint32_t blockElements; // elements per block (1 for float types)
    uint32_t blockBytes;    // bytes per block
    bool supported;         // the engine can compute with it
};

// nullopt for ids ggml does not define at all.
std::optional<TypeTraits> traits(uint32_t typeId);
TypeTraits traits(TensorType t);
std::string_view typeName(TensorType t);
std::optional<TensorType> typeFromName(std::string_view name); // "Q4_K" -> Q4_K
std::string supportedTypeNames();                              // "F32, F16, ..." for error messages

// Block layouts (byte-exact with ggml).
constexpr int kQK4_0 = 32, kQK4_1 = 32, kQK5_0 = 32, kQK5_1 = 32, kQK8_0 = 32, kQK4_NL = 32, kQK_K = 256,
              kKScaleSize = 12;
#pragma pack(push, 1)
struct BlockQ4_0 {
    uint16_t d;
    uint8_t qs[kQK4_0 / 2];
};
// Q4_1/Q5_0/Q5_1 appear in "Q4_K_M" files whose rows are not a multiple of 256 (llama.cpp falls
// back to them, e.g. Qwen2.5-0.5B's 896-wide rows), so the reference backend reads them too.
struct BlockQ4_1 {
    uint16_t d;
    uint16_t m;
    uint8_t qs[kQK4_1 / 2];
};
struct BlockQ5_0 {
    uint16_t d;
    uint8_t qh[4];
    uint8_t qs[kQK5_0 / 2];
};
struct BlockQ5_1 {
    uint16_t d;
    uint16_t m;
    uint8_t qh[4];
    uint8_t qs[kQK5_1 / 2];
};
struct BlockQ8_0 {
    uint16_t d;
    int8_t qs[kQK8_0];
};
struct BlockQ4_K {
    uint16_t d;
    uint16_t dmin;
    uint8_t scales[kKScaleSize];
    uint8_t qs[kQK_K / 2];
};
// Q5_K: Q4_K plus a fifth bit per weight: bit s of qh[l] belongs to element 32s + l.
struct BlockQ5_K {
    uint16_t d;
    uint16_t dmin;
    uint8_t scales[kKScaleSize];
    uint8_t qh[kQK_K / 8];
    uint8_t qs[kQK_K / 2];
};
// Q2_K: 16 sub-blocks of 16, each with a 4-bit scale (low nibble) and 4-bit min (high
// nibble); element 128n + 32j + l is bits 2j..2j+1 of qs[32n + l]; w = d·sc·q − dmin·m.
struct BlockQ2_K {
    uint8_t scales[kQK_K / 16];
    uint8_t qs[kQK_K / 4];
    uint16_t d;
    uint16_t dmin;
};
// Q3_K: element 128n + 32j + l has its low 2 bits where Q2_K has them and its third bit in
// hmask[l] bit 4n + j (clear means −4); 16 signed 6-bit scales (stored + 32) packed in 12 bytes.
struct BlockQ3_K {
    uint8_t hmask[kQK_K / 8];
    uint8_t qs[kQK_K / 4];
    uint8_t scales[12];
    uint16_t d;
};
// IQ4_NL: Q4_0's layout, but a nibble indexes the non-linear table kIq4nlValues.
struct BlockIQ4_NL {
    uint16_t d;
    uint8_t qs[kQK4_NL / 2];
};
// IQ4_XS: 8 sub-blocks of 32 with IQ4_NL's nibble order, each with a 6-bit scale (stored
// + 32): low 4 bits in scalesL[s/2] nibble s%2, high 2 bits in scalesH bits 2s..2s+1.
struct BlockIQ4_XS {
    uint16_t d;
    uint16_t scalesH;
    uint8_t scalesL[kQK_K / 64];
    uint8_t qs[kQK_K / 2];
};
struct BlockQ6_K {
    uint8_t ql[kQK_K / 2];
    uint8_t qh[kQK_K / 4];
    int8_t scales[kQK_K / 16];
    uint16_t d;
};
#pragma pack(pop)
static_assert(sizeof(BlockQ4_0) == 18 && sizeof(BlockQ8_0) == 34);
static_assert(sizeof(BlockQ4_1) == 20 && sizeof(BlockQ5_0) == 22 && sizeof(BlockQ5_1) == 24);
static_assert(sizeof(BlockQ4_K) == 144 && sizeof(BlockQ6_K) == 210);
static_assert(sizeof(BlockQ2_K) == 84 && sizeof(BlockQ3_K) == 110 && sizeof(BlockQ5_K) == 176);
static_assert(sizeof(BlockIQ4_NL) == 18 && sizeof(BlockIQ4_XS) == 136);
// The 16 values an IQ4 nibble stands for (before the block scale).
inline constexpr int8_t kIq4nlValues[16] = {-127, -104, -83, -65, -49, -35, -22, -10,
                                            1,    13,   25,  38,  53,  69,  89,  113};

float fp16ToFp32(uint16_t h);
uint16_t fp32ToFp16(float f);
float bf16ToFp32(uint16_t h);
uint16_t fp32ToBf16(float f); // round to nearest even

// Dequantizes n elements (a multiple of the block size) of type t starting at src.
void dequantizeRow(TensorType t, const void* src, float* dst, size_t n);
// Quantizes n floats (test data and the synthetic model generator; reference quality, not speed).
void quantizeRow(TensorType t, const float* src, void* dst, size_t n);
size_t rowBytes(TensorType t, size_t n); // bytes of n elements (n a multiple of the block size)

} // namespace sosoik::gguf
