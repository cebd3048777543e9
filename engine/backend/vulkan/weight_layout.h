#pragma once
// How a ggml weight matrix is laid out in GPU memory. Quantized blocks are kept quantized
// (kernels decode them on the fly); they are only re-arranged so every shader load is a
// 32-bit aligned word:
//   F32            rows of `cols` floats
//   F16, BF16      rows of `cols` 16-bit values, two per word
//   Q8_0           per block only the 32 quant bytes; the fp16 scales go to a separate
//                  "side" array after all quants (row-major, one entry per block)
//   Q4_0, Q4_1,    per block 4 words of nibbles reordered to element order (8 per word);
//   Q5_0, Q5_1,    the side array holds per block fp16 d (Q4_0, IQ4_NL), d|m (Q4_1), or
//   IQ4_NL         a d(|m) word then the 32 fifth bits (Q5_0, Q5_1)
//   Q2_K, Q3_K     per block the quant bits regrouped by 32-weight group (64 / 96 bytes, see
//                  packLowBits in weight_layout.cpp); the side array holds per block the 16
//                  scale|min bytes and fp16 d, dmin (Q2_K) or the 16 scales as int8 and fp16 d
//                  (Q3_K), 20 bytes
//   Q4_K, Q5_K     per block the nibbles in element order per 32-weight sub-block (128 bytes),
//                  Q5_K then its fifth bits (32 bytes, see packK4 in weight_layout.cpp); the side
//                  array holds per block the 8 scales and mins as bytes and fp16 d, dmin (20 bytes)
//   IQ4_XS         per block the nibbles in element order per 32-weight sub-block (128 bytes);
//                  the side array holds per block the 8 scales as int8 and fp16 d (12 bytes)
//   Q6_K           per block the low nibbles (128 bytes) and high 2 bits (64 bytes) in element
//                  order per 32-weight group (packQ6K); the side array as Q3_K's (20 bytes)
// (all values stay quantized: the kernels dequantize on the fly)
// `cols` is padded with zero weights to a multiple of 8 so kernels never handle a ragged tail.
#include "gguf/tensor_types.h"

#include <cstdint>

namespace sosoik::vk {

struct WeightLayout {
    gguf::TensorType type = gguf::TensorType::F32;
    uint32_t rows = 0;
    uint32_t cols = 0;       // logical columns (as in the file)
    uint32_t paddedCols = 0; // multiple of 8
    uint32_t rowWords = 0;   // 32-bit words per row in the quants region
    uint64_t quantBytes = 0; // rows × rowWords × 4
    uint64_t scaleBytes = 0; // the side array (every quantized type)
    uint64_t bytes() const { return quantBytes + ((scaleBytes + 3) & ~uint64_t(3)); }
};

// Throws Error(Unsupported) for a type without kernels, or a row length the type cannot have.
WeightLayout weightLayout(gguf::TensorType type, uint64_t rows, uint64_t cols);
bool hasKernels(gguf::TensorType type);
// Lower-case kernel suffix: "f32", "q4_k"...
const char* kernelSuffix(gguf::TensorType type);

// Re-arranges rows [rowBegin, rowEnd) of a ggml tensor (src points at row 0) into `quants`
// (pointing at row rowBegin of the quants region) and `scales` (at block 0 of row rowBegin).
void packRows(const WeightLayout& layout, const uint8_t* src, uint32_t rowBegin, uint32_t rowEnd,
              uint8_t* quants, uint8_t* scales);

} // namespace sosoik::vk
