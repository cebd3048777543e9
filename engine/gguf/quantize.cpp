// Quantizers: test data and the synthetic model generator only. They produce valid ggml blocks
// with simple scale choices (reference quality, not llama.cpp's error-minimizing search).
#include "gguf/block_helpers.h"
#include "gguf/tensor_types.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace sosoik::gguf {
namespace {

using detail::nearestInt;
using detail::q4kScaleMin;

void quantQ4_0(const float* x, BlockQ4_0* b, size_t nb) {
    for (size_t i = 0; i < nb; ++i, x += kQK4_0) {
        float amax = 0, max = 0; // the signed value of largest magnitude maps to -8
        for (int j = 0; j < kQK4_0; ++j)
            if (std::fabs(x[j]) > amax) amax = std::fabs(x[j]), max = x[j];
        const float d = max / -8.f, id = d != 0 ? 1.f / d : 0.f;
        b[i].d = fp32ToFp16(d);
        for (int j = 0; j < kQK4_0 / 2; ++j) {
            const int lo = std::min(15, static_cast<int>(x[j] * id + 8.5f));
            const int hi = std::min(15, static_cast<int>(x[j + kQK4_0 / 2] * id + 8.5f));
            b[i].qs[j] = static_cast<uint8_t>(std::max(0, lo) | (std::max(0, hi) << 4));
        }
    }
}

void quantQ4_1(const float* x, BlockQ4_1* b, size_t nb) {
    for (size_t i = 0; i < nb; ++i, x += kQK4_1) {
        const float lo = *std::min_element(x, x + kQK4_1), hi = *std::max_element(x, x + kQK4_1);
        b[i].d = fp32ToFp16((hi - lo) / 15.f);
        b[i].m = fp32ToFp16(lo);
        const float d = fp16ToFp32(b[i].d), m = fp16ToFp32(b[i].m);
        for (int j = 0; j < kQK4_1 / 2; ++j) {
            const int a = d > 0 ? std::clamp(nearestInt((x[j] - m) / d), 0, 15) : 0;
            const int c = d > 0 ? std::clamp(nearestInt((x[j + kQK4_1 / 2] - m) / d), 0, 15) : 0;
            b[i].qs[j] = static_cast<uint8_t>(a | (c << 4));
        }
    }
}

// Shared by Q5_0 (symmetric, offset 16) and Q5_1 (min + scale).
template <class Block> void quantQ5(const float* x, Block* b, size_t nb) {
    for (size_t i = 0; i < nb; ++i, x += 32) {
        float d, m;
        if constexpr (requires { b[i].m; }) {
            const float lo = *std::min_element(x, x + 32), hi = *std::max_element(x, x + 32);
            b[i].d = fp32ToFp16((hi - lo) / 31.f);
            b[i].m = fp32ToFp16(lo);
            d = fp16ToFp32(b[i].d);
            m = fp16ToFp32(b[i].m);
        } else {
            float amax = 0, max = 0;
            for (int j = 0; j < 32; ++j)
                if (std::fabs(x[j]) > amax) amax = std::fabs(x[j]), max = x[j];
            b[i].d = fp32ToFp16(max / -16.f);
            d = fp16ToFp32(b[i].d);
            m = -16.f * d;
        }
        uint32_t qh = 0;
        for (int j = 0; j < 16; ++j) {
            const int lo = d != 0 ? std::clamp(nearestInt((x[j] - m) / d), 0, 31) : 0;
            const int hi = d != 0 ? std::clamp(nearestInt((x[j + 16] - m) / d), 0, 31) : 0;
            b[i].qs[j] = static_cast<uint8_t>((lo & 0xF) | ((hi & 0xF) << 4));
            qh |= static_cast<uint32_t>(lo >> 4) << j;
            qh |= static_cast<uint32_t>(hi >> 4) << (j + 16);
        }
        std::memcpy(b[i].qh, &qh, 4);
    }
}

void quantQ8_0(const float* x, BlockQ8_0* b, size_t nb) {
    for (size_t i = 0; i < nb; ++i, x += kQK8_0) {
        float amax = 0;
        for (int j = 0; j < kQK8_0; ++j)
            amax = std::max(amax, std::fabs(x[j]));
        const float d = amax / 127.f, id = d != 0 ? 1.f / d : 0.f;
        b[i].d = fp32ToFp16(d);
        for (int j = 0; j < kQK8_0; ++j)
            b[i].qs[j] = static_cast<int8_t>(std::clamp(nearestInt(x[j] * id), -127, 127));
    }
}

// Simple min/max fit per 32-element sub-block; enough for test data (ggml's searches for
// better scales, which changes quality, never the layout).
void quantQ4_K(const float* x, BlockQ4_K* b, size_t nb) {
    for (size_t i = 0; i < nb; ++i, x += kQK_K) {
        float scales[8], mins[8], maxScale = 0, maxMin = 0;
        for (int s = 0; s < 8; ++s) {
            float lo = x[s * 32], hi = x[s * 32];
            for (int l = 1; l < 32; ++l)
                lo = std::min(lo, x[s * 32 + l]), hi = std::max(hi, x[s * 32 + l]);
            lo = std::min(lo, 0.f);
            scales[s] = (hi - lo) / 15.f;
            mins[s] = -lo;
            maxScale = std::max(maxScale, scales[s]);
            maxMin = std::max(maxMin, mins[s]);
        }
        const float d = maxScale / 63.f, dmin = maxMin / 63.f;
        b[i].d = fp32ToFp16(d);
        b[i].dmin = fp32ToFp16(dmin);
        uint8_t ls[8], lm[8];
        for (int s = 0; s < 8; ++s) {
            ls[s] = static_cast<uint8_t>(d > 0 ? std::clamp(nearestInt(scales[s] / d), 0, 63) : 0);
            lm[s] = static_cast<uint8_t>(dmin > 0 ? std::clamp(nearestInt(mins[s] / dmin), 0, 63) : 0);
        }
        detail::packScaleMin(ls, lm, b[i].scales);
        // Quantize against the scales as they will be decoded (fp16 and 6-bit rounded).
        const float dd = fp16ToFp32(b[i].d), ddmin = fp16ToFp32(b[i].dmin);
        uint8_t L[kQK_K];
        for (int s = 0; s < 8; ++s) {
            uint8_t sc, m;
            q4kScaleMin(s, b[i].scales, sc, m);
            const float step = dd * sc, offset = ddmin * m;
            for (int l = 0; l < 32; ++l)
                L[s * 32 + l] = static_cast<uint8_t>(
                    step > 0 ? std::clamp(nearestInt((x[s * 32 + l] + offset) / step), 0, 15) : 0);
        }
        for (int j = 0; j < kQK_K; j += 64)
            for (int l = 0; l < 32; ++l)
                b[i].qs[j / 2 + l] = static_cast<uint8_t>(L[j + l] | (L[j + l + 32] << 4));
    }
}

// IQ4: the value of largest magnitude maps to the table's −127 end; every other value takes
// the nearest table entry.
uint8_t nearestIq4(float v) {
    int best = 0;
    for (int k = 1; k < 16; ++k)
        if (std::fabs(v - kIq4nlValues[k]) < std::fabs(v - kIq4nlValues[best])) best = k;
    return static_cast<uint8_t>(best);
}
float iq4Scale(const float* x, int n) {
    float amax = 0, max = 0;
    for (int j = 0; j < n; ++j)
        if (std::fabs(x[j]) > amax) amax = std::fabs(x[j]), max = x[j];
    return max / -127.f;
}
void iq4Nibbles(const float* x, float d, uint8_t* qs) { // 32 values into 16 bytes
    const float id = d != 0 ? 1.f / d : 0.f;
    for (int j = 0; j < 16; ++j)
        qs[j] = static_cast<uint8_t>(nearestIq4(x[j] * id) | (nearestIq4(x[j + 16] * id) << 4));
}

void quantIQ4_NL(const float* x, BlockIQ4_NL* b, size_t nb) {
    for (size_t i = 0; i < nb; ++i, x += kQK4_NL) {
        b[i].d = fp32ToFp16(iq4Scale(x, kQK4_NL));
        iq4Nibbles(x, fp16ToFp32(b[i].d), b[i].qs);
    }
}

void quantIQ4_XS(const float* x, BlockIQ4_XS* b, size_t nb) {
    for (size_t i = 0; i < nb; ++i, x += kQK_K) {
        float scales[8], amax = 0;
        for (int s = 0; s < 8; ++s)
            scales[s] = iq4Scale(x + 32 * s, 32), amax = std::max(amax, std::fabs(scales[s]));
        b[i].d = fp32ToFp16(amax / 31.f);
        const float d = fp16ToFp32(b[i].d);
        b[i].scalesH = 0;
        std::memset(b[i].scalesL, 0, sizeof b[i].scalesL);
        for (int s = 0; s < 8; ++s) {
            const int v = (d > 0 ? std::clamp(nearestInt(scales[s] / d), -32, 31) : 0) + 32;
            b[i].scalesL[s / 2] |= static_cast<uint8_t>((v & 0xF) << (4 * (s % 2)));
            b[i].scalesH |= static_cast<uint16_t>((v >> 4) << (2 * s));
            iq4Nibbles(x + 32 * s, d * static_cast<float>(v - 32), b[i].qs + 16 * s);
        }
    }
}

void quantQ6_K(const float* x, BlockQ6_K* b, size_t nb) {
    for (size_t i = 0; i < nb; ++i, x += kQK_K) {
        float scales[16], maxScale = 0;
        for (int s = 0; s < 16; ++s) {
            float amax = 0;
            for (int l = 0; l < 16; ++l)
                amax = std::max(amax, std::fabs(x[s * 16 + l]));
            scales[s] = amax / 31.f;
            maxScale = std::max(maxScale, scales[s]);
        }
        const float d = maxScale / 127.f;
        b[i].d = fp32ToFp16(d);
        const float dd = fp16ToFp32(b[i].d);
        uint8_t L[kQK_K];
        for (int s = 0; s < 16; ++s) {
            const int sc = dd > 0 ? std::clamp(nearestInt(scales[s] / dd), 0, 127) : 0;
            b[i].scales[s] = static_cast<int8_t>(sc);
            const float step = dd * static_cast<float>(sc);
            for (int l = 0; l < 16; ++l)
                L[s * 16 + l] = static_cast<uint8_t>(
                    step > 0 ? std::clamp(nearestInt(x[s * 16 + l] / step), -32, 31) + 32 : 32);
        }
        uint8_t* ql = b[i].ql;
        uint8_t* qh = b[i].qh;
        for (int j = 0; j < kQK_K; j += 128, ql += 64, qh += 32) {
            for (int l = 0; l < 32; ++l) {
                const uint8_t q1 = L[j + l], q2 = L[j + l + 32], q3 = L[j + l + 64], q4 = L[j + l + 96];
                ql[l] = static_cast<uint8_t>((q1 & 0xF) | ((q3 & 0xF) << 4));
                ql[l + 32] = static_cast<uint8_t>((q2 & 0xF) | ((q4 & 0xF) << 4));
                qh[l] =
                    static_cast<uint8_t>((q1 >> 4) | ((q2 >> 4) << 2) | ((q3 >> 4) << 4) | ((q4 >> 4) << 6));
            }
        }
    }
}

} // namespace

void quantizeRow(TensorType t, const float* src, void* dst, size_t n) {
    detail::requireBlocks(t, n);
    auto* bytes = static_cast<uint8_t*>(dst);
    switch (t) {
    case TensorType::F32:
        std::memcpy(dst, src, n * 4);
        return;
    case TensorType::F16:
        for (size_t i = 0; i < n; ++i) {
            const uint16_t h = fp32ToFp16(src[i]);
            std::memcpy(bytes + 2 * i, &h, 2);
        }
        return;
    case TensorType::BF16:
        for (size_t i = 0; i < n; ++i) {
            const uint16_t h = fp32ToBf16(src[i]);
            std::memcpy(bytes + 2 * i, &h, 2);
        }
        return;
    case TensorType::Q4_0:
        quantQ4_0(src, static_cast<BlockQ4_0*>(dst), n / kQK4_0);
        return;
    case TensorType::Q8_0:
        quantQ8_0(src, static_cast<BlockQ8_0*>(dst), n / kQK8_0);
        return;
    case TensorType::Q4_1:
        quantQ4_1(src, static_cast<BlockQ4_1*>(dst), n / kQK4_1);
        return;
    case TensorType::Q5_0:
        quantQ5(src, static_cast<BlockQ5_0*>(dst), n / kQK5_0);
        return;
    case TensorType::Q5_1:
        quantQ5(src, static_cast<BlockQ5_1*>(dst), n / kQK5_1);
        return;
    case TensorType::Q4_K:
        quantQ4_K(src, static_cast<BlockQ4_K*>(dst), n / kQK_K);
        return;
    case TensorType::Q6_K:
        quantQ6_K(src, static_cast<BlockQ6_K*>(dst), n / kQK_K);
        return;
    case TensorType::Q5_K:
        detail::quantQ5_K(src, static_cast<BlockQ5_K*>(dst), n / kQK_K);
        return;
    case TensorType::Q2_K:
        detail::quantQ2_K(src, static_cast<BlockQ2_K*>(dst), n / kQK_K);
        return;
    case TensorType::Q3_K:
        detail::quantQ3_K(src, static_cast<BlockQ3_K*>(dst), n / kQK_K);
        return;
    case TensorType::IQ4_NL:
        quantIQ4_NL(src, static_cast<BlockIQ4_NL*>(dst), n / kQK4_NL);
        return;
    case TensorType::IQ4_XS:
        quantIQ4_XS(src, static_cast<BlockIQ4_XS*>(dst), n / kQK_K);
        return;
    default:
        break;
    }
    throw Error(Error::Kind::Unsupported, "cannot quantize to tensor type " + std::string(typeName(t)));
}

} // namespace sosoik::gguf
