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

} // namespace sosoik::gguf::detail
