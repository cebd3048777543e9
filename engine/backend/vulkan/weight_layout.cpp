#include "backend/vulkan/weight_layout.h"

#include "gguf/block_helpers.h"
#include "sosoik/error.h"

#include <cstring>
#include <string>

namespace sosoik::vk {
namespace {

using gguf::TensorType;

// How each type with kernels is laid out on the device (block sizes come from gguf::traits).
enum class Pack {
    Rows,       // F32/F16/BF16 rows as in the file
    SplitBytes, // Q8_0: block quants in the quants region, side data apart
    Nibbles,    // 32-weight 4/5-bit blocks: nibbles in element order, side data apart
    Q2K,        // Q2_K: 2-bit quants regrouped (packLowBits), scales and d|dmin to the side array
    K4,         // Q4_K/Q5_K: nibbles in element order per sub-block (+ Q5_K fifth bits), scales unpacked
    Q3K,        // Q3_K: quant bits regrouped (packLowBits), the 16 6-bit scales to the side array as int8
    IQ4XS,      // IQ4_XS: nibbles in element order per sub-block, scales to the side array as int8
    Q6K,        // Q6_K: low nibbles and high 2 bits in element order per 32 weights, scales to the side
};
struct DeviceType {
    TensorType type;
    const char* suffix; // kernel name suffix
    Pack pack;
    uint32_t blockWords; // words per block in the quants region (all but Rows)
    uint32_t sideBytes;  // bytes per block in the side region after all quants
};
// Side data per 32-weight block: fp16 d (Q8_0, Q4_0, IQ4_NL); fp16 d and m in one word
// (Q4_1); a word with fp16 d (and m for Q5_1) then the 32 fifth bits in element order (Q5_*).
// Per 256-weight Q3_K block: its 16 signed scales as int8, then fp16 d (20 bytes): unpacking
// the 6-bit scales on the device cost 8 byte loads per 32 weights, which halved Q3_K's
// single-token speed on lavapipe (stories110M tg16, CPU time: 4.6 t/s against Q4_K's 8.8).
// Per Q2_K block: its 16 scale|min bytes as in the file, then fp16 d and dmin (20 bytes).
// Per Q4_K/Q5_K block: the 8 sub-blocks' 6-bit scale and min, one byte each, then fp16 d and
// dmin (20 bytes), so a lane reads one word instead of unpacking 12 bytes (packK4).
// Per IQ4_XS block: its 8 signed scales as int8, then fp16 d (12 bytes), for the same reason.
// Per Q6_K block: its 16 int8 scales, then fp16 d (20 bytes, Q3_K's side layout).
constexpr DeviceType kDeviceTypes[] = {
    {TensorType::F32, "f32", Pack::Rows, 0, 0},          {TensorType::F16, "f16", Pack::Rows, 0, 0},
    {TensorType::BF16, "bf16", Pack::Rows, 0, 0},        {TensorType::Q8_0, "q8_0", Pack::SplitBytes, 8, 2},
    {TensorType::Q4_0, "q4_0", Pack::Nibbles, 4, 2},     {TensorType::Q4_1, "q4_1", Pack::Nibbles, 4, 4},
    {TensorType::Q5_0, "q5_0", Pack::Nibbles, 4, 8},     {TensorType::Q5_1, "q5_1", Pack::Nibbles, 4, 8},
    {TensorType::IQ4_NL, "iq4_nl", Pack::Nibbles, 4, 2}, {TensorType::Q2_K, "q2_k", Pack::Q2K, 16, 20},
    {TensorType::Q3_K, "q3_k", Pack::Q3K, 24, 20},       {TensorType::Q4_K, "q4_k", Pack::K4, 32, 20},
    {TensorType::Q5_K, "q5_k", Pack::K4, 40, 20},        {TensorType::Q6_K, "q6_k", Pack::Q6K, 48, 20},
    {TensorType::IQ4_XS, "iq4_xs", Pack::IQ4XS, 32, 12},
};

const DeviceType* deviceType(TensorType t) {
    for (const auto& d : kDeviceTypes)
        if (d.type == t) return &d;
    return nullptr;
}

// Q4_0/Q4_1/Q5_*/IQ4_NL side data of one block (see kDeviceTypes).
void packSide(TensorType t, const uint8_t* blk, uint8_t* side) {
    switch (t) {
    case TensorType::Q4_1:
        std::memcpy(side, blk, 4); // d, m
        break;
    case TensorType::Q5_0:
        std::memcpy(side, blk, 2);
        side[2] = side[3] = 0;
        std::memcpy(side + 4, blk + 2, 4); // qh
        break;
    case TensorType::Q5_1:
        std::memcpy(side, blk, 8); // d, m, qh
        break;
    default:
        std::memcpy(side, blk, 2); // d
        break;
    }
}

// Q2_K/Q3_K quant bits regrouped so the 32 weights a lane decodes at once are contiguous: ggml
// keeps weight 128n + 32j + l's low 2 bits at bits 2j of qs[32n + l] (and Q3_K its third bit at
// bit 4n + j of hmask[l]), so the 32 weights of group g = 4n + j were spread over 64 quant bytes
// (and 32 hmask bytes). Here group g owns words 2g and 2g + 1 of low bits and (Q3_K) word 16 + g
// of high bits; its weight l = 16k + 4m + i sits in byte i, at bits 2m of low word 2g + k and
// at bit 4k + m of the high word, so one shift and mask yields four weights' bits in four bytes.
void packLowBits(const uint8_t* qs, const uint8_t* hmask, uint8_t* out) {
    uint32_t words[24] = {};
    for (uint32_t g = 0; g < 8; ++g) {
        const uint32_t n = g / 4, j = g % 4;
        for (uint32_t l = 0; l < 32; ++l) {
            const uint32_t k = l / 16, m = (l / 4) % 4, i = l % 4;
            words[2 * g + k] |= ((qs[32 * n + l] >> (2 * j)) & 3u) << (8 * i + 2 * m);
            if (hmask) words[16 + g] |= ((hmask[l] >> (4 * n + j)) & 1u) << (8 * i + 4 * k + m);
        }
    }
    std::memcpy(out, words, hmask ? 96 : 64);
}

// Q4_K/Q5_K: ggml keeps sub-blocks 2k and 2k + 1 in the low and high nibbles of quant bytes
// 32k..32k + 31; here sub-block sb owns words 4sb..4sb + 3 with its weight 8w + i at bits 4i of
// word 4sb + w (Q4_0's order: one 16-byte load per 32 weights, 8 weights per word), then
// (Q5_K, qh non-null) word 32 + sb holds its 32 fifth bits (bit l: weight l; ggml: bit sb of
// qh[l]). The side gets the unpacked scales and mins and d, dmin.
void packK4(const uint8_t* dm, const uint8_t* scales, const uint8_t* qs, const uint8_t* qh, uint8_t* out,
            uint8_t* side) {
    uint32_t words[40] = {};
    for (uint32_t sb = 0; sb < 8; ++sb) {
        for (uint32_t l = 0; l < 32; ++l) {
            words[4 * sb + l / 8] |= ((qs[32 * (sb / 2) + l] >> (4 * (sb & 1))) & 0xFu) << (4 * (l % 8));
            if (qh) words[32 + sb] |= ((qh[l] >> sb) & 1u) << l;
        }
        gguf::detail::q4kScaleMin(static_cast<int>(sb), scales, side[2 * sb], side[2 * sb + 1]);
    }
    std::memcpy(side + 16, dm, 4);
    std::memcpy(out, words, qh ? 160 : 128);
}

// IQ4_XS: sub-block s keeps IQ4_NL's order in ggml (weight l < 16 the low nibble of qs[16s + l],
// l ≥ 16 the high nibble of qs[16s + l − 16]); here its weight 8w + i sits at bits 4i of word
// 4s + w (Q4_0's device order), and the side gets the 8 unpacked scales and d.
void packIq4Xs(const gguf::BlockIQ4_XS& blk, uint8_t* out, uint8_t* side) {
    uint32_t words[32] = {};
    for (uint32_t s = 0; s < 8; ++s) {
        for (uint32_t l = 0; l < 32; ++l) {
            const uint8_t q = blk.qs[16 * s + l % 16] >> (4 * (l / 16));
            words[4 * s + l / 8] |= (q & 0xFu) << (4 * (l % 8));
        }
        side[s] = static_cast<uint8_t>(
            static_cast<int8_t>(gguf::detail::iq4xsScale(static_cast<int>(s), blk.scalesL, blk.scalesH)));
    }
    std::memcpy(side + 8, &blk.d, 2);
    side[10] = side[11] = 0;
    std::memcpy(out, words, sizeof words);
}

// Q6_K: ggml spreads weight 128n + 32k + l over ql[64n + l + 32(k & 1)] (nibble k >> 1) and
// qh[32n + l] (bits 2k), so a lane decoding 32 weights gathered from 64 bytes. Here 32-weight
// group g owns words 4g..4g + 3 of low nibbles (weight 8w + i at bits 4i of word 4g + w, Q4_0's
// order) and words 32 + 2g, 33 + 2g of high bits (weight 16h + j at bits 2j of word 32 + 2g + h):
// one 16-byte and one 8-byte load per group.
void packQ6K(const gguf::BlockQ6_K& blk, uint8_t* out, uint8_t* side) {
    uint32_t words[48] = {};
    for (uint32_t e = 0; e < 256; ++e) {
        const uint32_t n = e / 128, k = (e % 128) / 32, l = e % 32;
        const uint32_t low = (blk.ql[64 * n + l + 32 * (k & 1)] >> (4 * (k >> 1))) & 0xFu;
        const uint32_t high = (blk.qh[32 * n + l] >> (2 * k)) & 3u;
        const uint32_t g = e / 32, i = e % 32;
        words[4 * g + i / 8] |= low << (4 * (i % 8));
        words[32 + 2 * g + i / 16] |= high << (2 * (i % 16));
    }
    std::memcpy(out, words, sizeof words);
    std::memcpy(side, blk.scales, 16);
    std::memcpy(side + 16, &blk.d, 2);
    side[18] = side[19] = 0;
}

} // namespace

bool hasKernels(TensorType t) {
    return deviceType(t) != nullptr;
}

const char* kernelSuffix(TensorType t) {
    const DeviceType* d = deviceType(t);
    return d ? d->suffix : "";
}

WeightLayout weightLayout(TensorType type, uint64_t rows, uint64_t cols) {
    const DeviceType* dt = deviceType(type);
    if (!dt)
        throw Error(Error::Kind::Unsupported,
                    "the Vulkan backend has no kernels for " + std::string(gguf::typeName(type)));
    const uint32_t blockElements = gguf::traits(type).blockElements;
    if (cols % blockElements != 0 || rows == 0 || cols == 0 || rows > UINT32_MAX / 2 || cols > (1u << 24))
        throw Error(Error::Kind::InvalidModel, "a " + std::to_string(rows) + " × " + std::to_string(cols) +
                                                   " weight matrix does not fit its block size");
    WeightLayout l;
    l.type = type;
    l.rows = static_cast<uint32_t>(rows);
    l.cols = static_cast<uint32_t>(cols);
    l.paddedCols = (l.cols + 7) & ~7u;
    const uint32_t blocks = l.cols / blockElements;
    if (dt->pack == Pack::Rows)
        l.rowWords = type == TensorType::F32 ? l.paddedCols : l.paddedCols / 2;
    else
        l.rowWords = blocks * dt->blockWords;
    l.quantBytes = uint64_t(l.rows) * l.rowWords * 4;
    l.scaleBytes = uint64_t(l.rows) * blocks * dt->sideBytes;
    return l;
}

void packRows(const WeightLayout& l, const uint8_t* src, uint32_t rowBegin, uint32_t rowEnd, uint8_t* quants,
              uint8_t* scales) {
    const DeviceType& dt = *deviceType(l.type);
    const gguf::TypeTraits traits = gguf::traits(l.type);
    const uint32_t blocks = l.cols / traits.blockElements;
    const uint64_t srcRowBytes = uint64_t(blocks) * traits.blockBytes;
    const uint64_t dstRowBytes = uint64_t(l.rowWords) * 4;
    for (uint32_t r = rowBegin; r < rowEnd; ++r) {
        const uint8_t* in = src + r * srcRowBytes;
        uint8_t* out = quants + (r - rowBegin) * dstRowBytes;
        uint8_t* side = scales + uint64_t(r - rowBegin) * blocks * dt.sideBytes;
        switch (dt.pack) {
        case Pack::Rows:
            std::memcpy(out, in, srcRowBytes);
            std::memset(out + srcRowBytes, 0, dstRowBytes - srcRowBytes);
            break;
        case Pack::SplitBytes: // Q8_0: fp16 d, then the 32 quant bytes
            for (uint32_t b = 0; b < blocks; ++b) {
                const uint8_t* blk = in + b * traits.blockBytes;
                std::memcpy(side + b * 2, blk, 2);
                std::memcpy(out + b * 32, blk + 2, 32);
            }
            break;
        case Pack::Q2K:
            for (uint32_t b = 0; b < blocks; ++b) {
                const auto* blk = reinterpret_cast<const gguf::BlockQ2_K*>(in + b * traits.blockBytes);
                packLowBits(blk->qs, nullptr, out + b * 64);
                uint8_t* sd = side + b * dt.sideBytes;
                std::memcpy(sd, blk->scales, 16);
                std::memcpy(sd + 16, &blk->d, 2);
                std::memcpy(sd + 18, &blk->dmin, 2);
            }
            break;
        case Pack::K4:
            for (uint32_t b = 0; b < blocks; ++b) {
                uint8_t *o = out + b * dt.blockWords * 4, *sd = side + b * dt.sideBytes;
                if (l.type == TensorType::Q4_K) {
                    const auto* blk = reinterpret_cast<const gguf::BlockQ4_K*>(in + b * traits.blockBytes);
                    packK4(reinterpret_cast<const uint8_t*>(&blk->d), blk->scales, blk->qs, nullptr, o, sd);
                } else {
                    const auto* blk = reinterpret_cast<const gguf::BlockQ5_K*>(in + b * traits.blockBytes);
                    packK4(reinterpret_cast<const uint8_t*>(&blk->d), blk->scales, blk->qs, blk->qh, o, sd);
                }
            }
            break;
        case Pack::Q3K:
            for (uint32_t b = 0; b < blocks; ++b) {
                const auto* blk = reinterpret_cast<const gguf::BlockQ3_K*>(in + b * traits.blockBytes);
                packLowBits(blk->qs, blk->hmask, out + b * 96);
                uint8_t* sd = side + b * dt.sideBytes;
                for (int j = 0; j < 16; ++j)
                    sd[j] = static_cast<uint8_t>(static_cast<int8_t>(gguf::detail::q3kScale(j, blk->scales)));
                std::memcpy(sd + 16, &blk->d, 2);
                sd[18] = sd[19] = 0;
            }
            break;
        case Pack::Q6K:
            for (uint32_t b = 0; b < blocks; ++b)
                packQ6K(*reinterpret_cast<const gguf::BlockQ6_K*>(in + b * traits.blockBytes),
                        out + b * dt.blockWords * 4, side + b * dt.sideBytes);
            break;
        case Pack::IQ4XS:
            for (uint32_t b = 0; b < blocks; ++b)
                packIq4Xs(*reinterpret_cast<const gguf::BlockIQ4_XS*>(in + b * traits.blockBytes),
                          out + b * dt.blockWords * 4, side + b * dt.sideBytes);
            break;
        case Pack::Nibbles:
            // Nibbles in element order, 8 per word (element 8w + i at bits 4i..4i+3), so each
            // 8-wide chunk is one aligned word and no lane branches on the half. The 16 nibble
            // bytes are the last 16 of every such block.
            for (uint32_t b = 0; b < blocks; ++b) {
                const uint8_t* blk = in + b * traits.blockBytes;
                const uint8_t* qs = blk + traits.blockBytes - 16;
                packSide(l.type, blk, side + b * dt.sideBytes);
                uint32_t words[4] = {};
                for (uint32_t e = 0; e < 32; ++e) {
                    const uint32_t q = e < 16 ? (qs[e] & 0xF) : (qs[e - 16] >> 4);
                    words[e / 8] |= q << (4 * (e % 8));
                }
                std::memcpy(out + b * 16, words, sizeof words);
            }
            break;
        }
    }
}

} // namespace sosoik::vk
