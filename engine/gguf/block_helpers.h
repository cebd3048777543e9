#pragma once
// Small helpers shared by the dequantizers (tensor_types.cpp) and quantizers (quantize.cpp).
#include "gguf/tensor_types.h"
#include "sosoik/error.h"

#include <cmath>
#include <string>

namespace sosoik::gguf::detail {

inline int nearestInt(float x) {
    return static_cast<int>(std::lrintf(x));
}

inline void requireBlocks(TensorType t, size_t n) {
    const auto tr = traits(t);
    if (n % tr.blockElements != 0)
        throw Error(Error::Kind::InvalidArgument,
                    "row of " + std::to_string(n) + " elements is not a multiple of " + std::string(tr.name) +
                        "'s block size " + std::to_string(tr.blockElements));
}

// Q4_K packs eight 6-bit scales and eight 6-bit mins into 12 bytes: the first four of each
// sit in the low 6 bits of bytes 0..7, the last four are split between nibbles of bytes 8..11
// and the top 2 bits of bytes 0..7.
inline void q4kScaleMin(int j, const uint8_t* q, uint8_t& scale, uint8_t& min) {
    if (j < 4) {
        scale = q[j] & 63;
        min = q[j + 4] & 63;
    } else {
        scale = static_cast<uint8_t>((q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4));
        min = static_cast<uint8_t>((q[j + 4] >> 4) | ((q[j] >> 6) << 4));
    }
}

// Q3_K's signed 6-bit scale j (0..15): low 4 bits in byte j (j < 8) or the high nibble of
// byte j − 8, high 2 bits in byte 8 + j % 4 at bits 2·(j / 4); stored with an offset of 32.
inline int q3kScale(int j, const uint8_t* s) {
    const int low = j < 8 ? s[j] & 0xF : s[j - 8] >> 4;
    const int high = (s[8 + j % 4] >> (2 * (j / 4))) & 3;
    return (low | (high << 4)) - 32;
}

// IQ4_XS's signed 6-bit scale of sub-block j (0..7), stored with an offset of 32.
inline int iq4xsScale(int j, const uint8_t* low, uint16_t high) {
    return (((low[j / 2] >> (4 * (j % 2))) & 0xF) | (((high >> (2 * j)) & 3) << 4)) - 32;
}

// Inverse of q4kScaleMin for all eight sub-blocks (Q4_K and Q5_K).
void packScaleMin(const uint8_t scales[8], const uint8_t mins[8], uint8_t out[12]);
// K-quant and IQ4 quantizers (quantize_k.cpp, quantize.cpp): nb whole blocks from x.
void quantQ2_K(const float* x, BlockQ2_K* b, size_t nb);
void quantQ3_K(const float* x, BlockQ3_K* b, size_t nb);
void quantQ5_K(const float* x, BlockQ5_K* b, size_t nb);

} // namespace sosoik::gguf::detail
