#include "backend/vulkan/weight_layout.h"

#include "sosoik/error.h"

#include <cstring>
#include <string>

namespace sosoik::vk {
namespace {

using gguf::TensorType;

struct TypeInfo {
    uint32_t blockElements, blockBytes;
};

// Block sizes come from gguf::traits; the switch only says which types have Vulkan kernels.
TypeInfo typeInfo(TensorType t) {
    switch (t) {
    case TensorType::F32:
    case TensorType::F16:
    case TensorType::BF16:
    case TensorType::Q8_0:
    case TensorType::Q4_0:
    case TensorType::Q4_K:
    case TensorType::Q6_K: {
        const gguf::TypeTraits traits = gguf::traits(t);
        return {traits.blockElements, traits.blockBytes};
    }
    default:
        return {0, 0};
    }
}

std::string typeLabel(TensorType t) {
    return "ggml type " + std::to_string(static_cast<uint32_t>(t));
}

} // namespace

bool hasKernels(TensorType t) {
    return typeInfo(t).blockElements != 0;
}

const char* kernelSuffix(TensorType t) {
    switch (t) {
    case TensorType::F32:
        return "f32";
    case TensorType::F16:
        return "f16";
    case TensorType::BF16:
        return "bf16";
    case TensorType::Q8_0:
        return "q8_0";
    case TensorType::Q4_0:
        return "q4_0";
    case TensorType::Q4_K:
        return "q4_k";
    case TensorType::Q6_K:
        return "q6_k";
    default:
        return "";
    }
}

WeightLayout weightLayout(TensorType type, uint64_t rows, uint64_t cols) {
    const TypeInfo info = typeInfo(type);
    if (!info.blockElements)
        throw Error(Error::Kind::Unsupported, "the Vulkan backend has no kernels for " + typeLabel(type));
    if (cols % info.blockElements != 0 || rows == 0 || cols == 0 || rows > UINT32_MAX / 2 ||
        cols > (1u << 24))
        throw Error(Error::Kind::InvalidModel, "a " + std::to_string(rows) + " × " + std::to_string(cols) +
                                                   " weight matrix does not fit its block size");
    WeightLayout l;
    l.type = type;
    l.rows = static_cast<uint32_t>(rows);
    l.cols = static_cast<uint32_t>(cols);
    l.paddedCols = (l.cols + 7) & ~7u;
    const uint32_t blocks = l.cols / info.blockElements;
    switch (type) {
    case TensorType::F32:
        l.rowWords = l.paddedCols;
        break;
    case TensorType::F16:
    case TensorType::BF16:
        l.rowWords = l.paddedCols / 2;
        break;
    case TensorType::Q8_0:
        l.rowWords = blocks * 8;
        break;
    case TensorType::Q4_0:
        l.rowWords = blocks * 4;
        break;
    case TensorType::Q4_K:
        l.rowWords = blocks * 36;
        break;
    case TensorType::Q6_K:
        l.rowWords = blocks * 53;
        break;
    default:
        break;
    }
    l.quantBytes = uint64_t(l.rows) * l.rowWords * 4;
    if (type == TensorType::Q8_0 || type == TensorType::Q4_0) l.scaleBytes = uint64_t(l.rows) * blocks * 2;
    return l;
}

void packRows(const WeightLayout& l, const uint8_t* src, uint32_t rowBegin, uint32_t rowEnd, uint8_t* quants,
              uint8_t* scales) {
    const TypeInfo info = typeInfo(l.type);
    const uint32_t blocks = l.cols / info.blockElements;
    const uint64_t srcRowBytes = uint64_t(blocks) * info.blockBytes;
    const uint64_t dstRowBytes = uint64_t(l.rowWords) * 4;
    for (uint32_t r = rowBegin; r < rowEnd; ++r) {
        const uint8_t* in = src + r * srcRowBytes;
        uint8_t* out = quants + (r - rowBegin) * dstRowBytes;
        switch (l.type) {
        case TensorType::F32:
        case TensorType::F16:
        case TensorType::BF16:
        case TensorType::Q4_K:
            std::memcpy(out, in, srcRowBytes);
            std::memset(out + srcRowBytes, 0, dstRowBytes - srcRowBytes);
            break;
        case TensorType::Q8_0:
        case TensorType::Q4_0: {
            const uint32_t qBytes = info.blockBytes - 2;
            uint8_t* sc = scales + uint64_t(r - rowBegin) * blocks * 2;
            for (uint32_t b = 0; b < blocks; ++b) {
                const uint8_t* blk = in + b * info.blockBytes;
                std::memcpy(sc + b * 2, blk, 2);
                if (l.type == TensorType::Q8_0) {
                    std::memcpy(out + b * qBytes, blk + 2, qBytes);
                    continue;
                }
                // Q4_0: nibbles in element order, 8 per word (element 8w + i at bits 4i..4i+3),
                // so each 8-wide chunk is one aligned word and no lane branches on the half.
                uint32_t words[4] = {};
                for (uint32_t e = 0; e < 32; ++e) {
                    const uint32_t q = e < 16 ? (blk[2 + e] & 0xF) : (blk[2 + e - 16] >> 4);
                    words[e / 8] |= q << (4 * (e % 8));
                }
                std::memcpy(out + b * qBytes, words, sizeof words);
            }
            break;
        }
        case TensorType::Q6_K:
            for (uint32_t b = 0; b < blocks; ++b) {
                std::memcpy(out + b * 212, in + b * 210, 210);
                out[b * 212 + 210] = out[b * 212 + 211] = 0;
            }
            break;
        default:
            break;
        }
    }
}

} // namespace sosoik::vk
