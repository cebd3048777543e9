// Type table, half-precision conversions and the block (de)quantizers. The block formats
// follow ggml's definitions bit for bit so that files from the wild decode identically.
#include "gguf/tensor_types.h"

#include "gguf/block_helpers.h"

#include "sosoik/error.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>

namespace sosoik::gguf {
namespace {

struct TableEntry {
    uint32_t id;
    TypeTraits traits;
};

// Every type id ggml defines, so that an unsupported tensor is reported by name instead of as
// garbage; only the ones the engine computes with are marked supported.
constexpr std::array kTable{
    TableEntry{0, {"F32", 1, 4, true}},          TableEntry{1, {"F16", 1, 2, true}},
    TableEntry{2, {"Q4_0", 32, 18, true}},       TableEntry{3, {"Q4_1", 32, 20, true}},
    TableEntry{6, {"Q5_0", 32, 22, true}},       TableEntry{7, {"Q5_1", 32, 24, true}},
    TableEntry{8, {"Q8_0", 32, 34, true}},       TableEntry{9, {"Q8_1", 32, 36, false}},
    TableEntry{10, {"Q2_K", 256, 84, true}},     TableEntry{11, {"Q3_K", 256, 110, true}},
    TableEntry{12, {"Q4_K", 256, 144, true}},    TableEntry{13, {"Q5_K", 256, 176, true}},
    TableEntry{14, {"Q6_K", 256, 210, true}},    TableEntry{15, {"Q8_K", 256, 292, false}},
    TableEntry{16, {"IQ2_XXS", 256, 66, false}}, TableEntry{17, {"IQ2_XS", 256, 74, false}},
    TableEntry{18, {"IQ3_XXS", 256, 98, false}}, TableEntry{19, {"IQ1_S", 256, 50, false}},
    TableEntry{20, {"IQ4_NL", 32, 18, true}},    TableEntry{21, {"IQ3_S", 256, 110, false}},
    TableEntry{22, {"IQ2_S", 256, 82, false}},   TableEntry{23, {"IQ4_XS", 256, 136, true}},
    TableEntry{24, {"I8", 1, 1, false}},         TableEntry{25, {"I16", 1, 2, false}},
    TableEntry{26, {"I32", 1, 4, false}},        TableEntry{27, {"I64", 1, 8, false}},
    TableEntry{28, {"F64", 1, 8, false}},        TableEntry{29, {"IQ1_M", 256, 56, false}},
    TableEntry{30, {"BF16", 1, 2, true}},        TableEntry{34, {"TQ1_0", 256, 54, false}},
    TableEntry{35, {"TQ2_0", 256, 66, false}},
};

uint32_t floatBits(float f) {
    uint32_t u;
    std::memcpy(&u, &f, 4);
    return u;
}
float bitsFloat(uint32_t u) {
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}

void dequantQ4_0(const BlockQ4_0* b, float* y, size_t nb) {
    for (size_t i = 0; i < nb; ++i, y += kQK4_0) {
        const float d = fp16ToFp32(b[i].d);
        for (int j = 0; j < kQK4_0 / 2; ++j) {
            y[j] = static_cast<float>((b[i].qs[j] & 0xF) - 8) * d;
            y[j + kQK4_0 / 2] = static_cast<float>((b[i].qs[j] >> 4) - 8) * d;
        }
    }
}

void dequantQ4_1(const BlockQ4_1* b, float* y, size_t nb) {
    for (size_t i = 0; i < nb; ++i, y += kQK4_1) {
        const float d = fp16ToFp32(b[i].d), m = fp16ToFp32(b[i].m);
        for (int j = 0; j < kQK4_1 / 2; ++j) {
            y[j] = static_cast<float>(b[i].qs[j] & 0xF) * d + m;
            y[j + kQK4_1 / 2] = static_cast<float>(b[i].qs[j] >> 4) * d + m;
        }
    }
}

// Q5: the fifth bit of element j is bit j of qh (elements 0..15) or bit j+16 (elements 16..31).
template <class Block> void dequantQ5(const Block* b, float* y, size_t nb, bool hasMin) {
    for (size_t i = 0; i < nb; ++i, y += 32) {
        const float d = fp16ToFp32(b[i].d);
        float m = -16.f * d;
        if constexpr (requires { b[i].m; }) m = hasMin ? fp16ToFp32(b[i].m) : m;
        uint32_t qh;
        std::memcpy(&qh, b[i].qh, 4);
        for (int j = 0; j < 16; ++j) {
            const int lo = (b[i].qs[j] & 0xF) | (((qh >> j) & 1) << 4);
            const int hi = (b[i].qs[j] >> 4) | (((qh >> (j + 16)) & 1) << 4);
            y[j] = static_cast<float>(lo) * d + m;
            y[j + 16] = static_cast<float>(hi) * d + m;
        }
    }
}

void dequantQ8_0(const BlockQ8_0* b, float* y, size_t nb) {
    for (size_t i = 0; i < nb; ++i, y += kQK8_0) {
        const float d = fp16ToFp32(b[i].d);
        for (int j = 0; j < kQK8_0; ++j)
            y[j] = static_cast<float>(b[i].qs[j]) * d;
    }
}

void dequantQ4_K(const BlockQ4_K* b, float* y, size_t nb) {
    for (size_t i = 0; i < nb; ++i) {
        const float d = fp16ToFp32(b[i].d), dmin = fp16ToFp32(b[i].dmin);
        const uint8_t* q = b[i].qs;
        for (int j = 0, is = 0; j < kQK_K; j += 64, is += 2, q += 32) {
            uint8_t sc, m;
            detail::q4kScaleMin(is, b[i].scales, sc, m);
            const float d1 = d * sc, m1 = dmin * m;
            detail::q4kScaleMin(is + 1, b[i].scales, sc, m);
            const float d2 = d * sc, m2 = dmin * m;
            for (int l = 0; l < 32; ++l)
                *y++ = d1 * static_cast<float>(q[l] & 0xF) - m1;
            for (int l = 0; l < 32; ++l)
                *y++ = d2 * static_cast<float>(q[l] >> 4) - m2;
        }
    }
}

void dequantQ5_K(const BlockQ5_K* b, float* y, size_t nb) {
    for (size_t i = 0; i < nb; ++i) {
        const float d = fp16ToFp32(b[i].d), dmin = fp16ToFp32(b[i].dmin);
        for (int s = 0; s < 8; ++s) {
            uint8_t sc, m;
            detail::q4kScaleMin(s, b[i].scales, sc, m);
            const float ds = d * sc, ms = dmin * m;
            const uint8_t* q = b[i].qs + (s / 2) * 32;
            for (int l = 0; l < 32; ++l) {
                const int v = ((s & 1) ? q[l] >> 4 : q[l] & 0xF) | (((b[i].qh[l] >> s) & 1) << 4);
                *y++ = ds * static_cast<float>(v) - ms;
            }
        }
    }
}

void dequantQ2_K(const BlockQ2_K* b, float* y, size_t nb) {
    for (size_t i = 0; i < nb; ++i) {
        const float d = fp16ToFp32(b[i].d), dmin = fp16ToFp32(b[i].dmin);
        for (int e = 0; e < kQK_K; ++e) {
            const int n = e / 128, j = (e % 128) / 32, l = e % 32;
            const uint8_t sc = b[i].scales[8 * n + 2 * j + l / 16];
            const int q = (b[i].qs[32 * n + l] >> (2 * j)) & 3;
            y[e] = d * static_cast<float>((sc & 0xF) * q) - dmin * static_cast<float>(sc >> 4);
        }
        y += kQK_K;
    }
}

void dequantQ3_K(const BlockQ3_K* b, float* y, size_t nb) {
    for (size_t i = 0; i < nb; ++i) {
        const float d = fp16ToFp32(b[i].d);
        for (int e = 0; e < kQK_K; ++e) {
            const int n = e / 128, j = (e % 128) / 32, l = e % 32;
            const int sc = detail::q3kScale(8 * n + 2 * j + l / 16, b[i].scales);
            const int low = (b[i].qs[32 * n + l] >> (2 * j)) & 3;
            const int q = low - (((b[i].hmask[l] >> (4 * n + j)) & 1) ? 0 : 4);
            y[e] = d * static_cast<float>(sc * q);
        }
        y += kQK_K;
    }
}

void dequantIQ4_NL(const BlockIQ4_NL* b, float* y, size_t nb) {
    for (size_t i = 0; i < nb; ++i, y += kQK4_NL) {
        const float d = fp16ToFp32(b[i].d);
        for (int j = 0; j < kQK4_NL / 2; ++j) {
            y[j] = d * static_cast<float>(kIq4nlValues[b[i].qs[j] & 0xF]);
            y[j + kQK4_NL / 2] = d * static_cast<float>(kIq4nlValues[b[i].qs[j] >> 4]);
        }
    }
}

void dequantIQ4_XS(const BlockIQ4_XS* b, float* y, size_t nb) {
    for (size_t i = 0; i < nb; ++i) {
        const float d = fp16ToFp32(b[i].d);
        for (int s = 0; s < 8; ++s, y += 32) {
            const float ds = d * static_cast<float>(detail::iq4xsScale(s, b[i].scalesL, b[i].scalesH));
            const uint8_t* q = b[i].qs + 16 * s;
            for (int j = 0; j < 16; ++j) {
                y[j] = ds * static_cast<float>(kIq4nlValues[q[j] & 0xF]);
                y[j + 16] = ds * static_cast<float>(kIq4nlValues[q[j] >> 4]);
            }
        }
    }
}

// Q6_K: each 6-bit value is 4 low bits in ql plus 2 high bits in qh; one 128-element half
// uses 64 ql bytes, 32 qh bytes and 8 signed scales (one per 16 elements).
void dequantQ6_K(const BlockQ6_K* b, float* y, size_t nb) {
    for (size_t i = 0; i < nb; ++i) {
        const float d = fp16ToFp32(b[i].d);
        const uint8_t* ql = b[i].ql;
        const uint8_t* qh = b[i].qh;
        const int8_t* sc = b[i].scales;
        for (int n = 0; n < kQK_K; n += 128, y += 128, ql += 64, qh += 32, sc += 8) {
            for (int l = 0; l < 32; ++l) {
                const int is = l / 16;
                const int q1 = ((ql[l] & 0xF) | (((qh[l] >> 0) & 3) << 4)) - 32;
                const int q2 = ((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32;
                const int q3 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
                const int q4 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
                y[l] = d * static_cast<float>(sc[is + 0] * q1);
                y[l + 32] = d * static_cast<float>(sc[is + 2] * q2);
                y[l + 64] = d * static_cast<float>(sc[is + 4] * q3);
                y[l + 96] = d * static_cast<float>(sc[is + 6] * q4);
            }
        }
    }
}

} // namespace

std::optional<TypeTraits> traits(uint32_t typeId) {
    for (const auto& e : kTable)
        if (e.id == typeId) return e.traits;
    return std::nullopt;
}

TypeTraits traits(TensorType t) {
    if (auto tr = traits(static_cast<uint32_t>(t))) return *tr;
    throw Error(Error::Kind::Unsupported,
                "unknown tensor type id " + std::to_string(static_cast<uint32_t>(t)));
}

std::string_view typeName(TensorType t) {
    auto tr = traits(static_cast<uint32_t>(t));
    return tr ? tr->name : std::string_view("unknown");
}

std::optional<TensorType> typeFromName(std::string_view name) {
    for (const auto& e : kTable)
        if (e.traits.name == name) return static_cast<TensorType>(e.id);
    return std::nullopt;
}

std::string supportedTypeNames() {
    std::string names;
    for (const auto& e : kTable)
        if (e.traits.supported) names += (names.empty() ? "" : ", ") + std::string(e.traits.name);
    return names;
}

float fp16ToFp32(uint16_t h) {
    const uint32_t sign = static_cast<uint32_t>(h & 0x8000) << 16;
    const uint32_t exp = (h >> 10) & 0x1F, mant = h & 0x3FF;
    if (exp == 0) {
        const float v = std::ldexp(static_cast<float>(mant), -24); // zero or subnormal
        return sign ? -v : v;
    }
    if (exp == 31) return bitsFloat(sign | 0x7F800000u | (mant << 13));
    return bitsFloat(sign | ((exp + 112) << 23) | (mant << 13));
}

uint16_t fp32ToFp16(float f) {
    const uint32_t x = floatBits(f);
    const uint16_t sign = static_cast<uint16_t>((x >> 16) & 0x8000);
    const uint32_t ax = x & 0x7FFFFFFF;
    if (ax >= 0x7F800000) return static_cast<uint16_t>(sign | 0x7C00 | (ax > 0x7F800000 ? 0x200 : 0));
    if (ax >= 0x47800000) return static_cast<uint16_t>(sign | 0x7C00); // >= 65536 overflows
    if (ax < 0x38800000) // below the smallest normal half: subnormal, rounded to nearest even
        return static_cast<uint16_t>(sign |
                                     static_cast<uint16_t>(std::nearbyint(std::ldexp(bitsFloat(ax), 24))));
    const uint32_t mant = ax & 0x7FFFFF, exp = (ax >> 23) - 127 + 15;
    uint32_t h = (exp << 10) | (mant >> 13);
    const uint32_t rest = mant & 0x1FFF;
    if (rest > 0x1000 || (rest == 0x1000 && (h & 1))) ++h; // a carry into the exponent is correct
    return static_cast<uint16_t>(sign | h);
}

float bf16ToFp32(uint16_t h) {
    return bitsFloat(static_cast<uint32_t>(h) << 16);
}

uint16_t fp32ToBf16(float f) {
    const uint32_t x = floatBits(f);
    if ((x & 0x7FFFFFFF) > 0x7F800000) return static_cast<uint16_t>((x >> 16) | 0x40); // keep NaN quiet
    return static_cast<uint16_t>((x + 0x7FFF + ((x >> 16) & 1)) >> 16);
}

size_t rowBytes(TensorType t, size_t n) {
    detail::requireBlocks(t, n);
    const auto tr = traits(t);
    return n / tr.blockElements * tr.blockBytes;
}

void dequantizeRow(TensorType t, const void* src, float* dst, size_t n) {
    detail::requireBlocks(t, n);
    const auto* bytes = static_cast<const uint8_t*>(src);
    switch (t) {
    case TensorType::F32:
        std::memcpy(dst, src, n * 4);
        return;
    case TensorType::F16:
        for (size_t i = 0; i < n; ++i) {
            uint16_t h;
            std::memcpy(&h, bytes + 2 * i, 2);
            dst[i] = fp16ToFp32(h);
        }
        return;
    case TensorType::BF16:
        for (size_t i = 0; i < n; ++i) {
            uint16_t h;
            std::memcpy(&h, bytes + 2 * i, 2);
            dst[i] = bf16ToFp32(h);
        }
        return;
    case TensorType::Q4_0:
        dequantQ4_0(static_cast<const BlockQ4_0*>(src), dst, n / kQK4_0);
        return;
    case TensorType::Q8_0:
        dequantQ8_0(static_cast<const BlockQ8_0*>(src), dst, n / kQK8_0);
        return;
    case TensorType::Q4_1:
        dequantQ4_1(static_cast<const BlockQ4_1*>(src), dst, n / kQK4_1);
        return;
    case TensorType::Q5_0:
        dequantQ5(static_cast<const BlockQ5_0*>(src), dst, n / kQK5_0, false);
        return;
    case TensorType::Q5_1:
        dequantQ5(static_cast<const BlockQ5_1*>(src), dst, n / kQK5_1, true);
        return;
    case TensorType::Q4_K:
        dequantQ4_K(static_cast<const BlockQ4_K*>(src), dst, n / kQK_K);
        return;
    case TensorType::Q6_K:
        dequantQ6_K(static_cast<const BlockQ6_K*>(src), dst, n / kQK_K);
        return;
    case TensorType::Q5_K:
        dequantQ5_K(static_cast<const BlockQ5_K*>(src), dst, n / kQK_K);
        return;
    case TensorType::Q2_K:
        dequantQ2_K(static_cast<const BlockQ2_K*>(src), dst, n / kQK_K);
        return;
    case TensorType::Q3_K:
        dequantQ3_K(static_cast<const BlockQ3_K*>(src), dst, n / kQK_K);
        return;
    case TensorType::IQ4_NL:
        dequantIQ4_NL(static_cast<const BlockIQ4_NL*>(src), dst, n / kQK4_NL);
        return;
    case TensorType::IQ4_XS:
        dequantIQ4_XS(static_cast<const BlockIQ4_XS*>(src), dst, n / kQK_K);
        return;
    default:
        break;
    }
    throw Error(Error::Kind::Unsupported, "cannot compute with tensor type " + std::string(typeName(t)));
}

} // namespace sosoik::gguf
