// Quantizers for Q2_K, Q3_K and Q5_K: test data and synthetic models only. Each sub-block gets
// a plain min/max (or absolute max) fit; ggml searches for better scales, which changes the
// quality, never the layout.
#include "gguf/block_helpers.h"
#include "gguf/tensor_types.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace sosoik::gguf::detail {
namespace {

// Per sub-block of `len` elements: the step and the (non-negative) offset of a min/max fit
// with `levels` steps, the min clamped to ≤ 0 so that zero stays representable.
void fitScaleMin(const float* x, int len, int levels, float& scale, float& min) {
    float lo = std::min(0.f, *std::min_element(x, x + len)), hi = *std::max_element(x, x + len);
    scale = (hi - lo) / static_cast<float>(levels);
    min = -lo;
}

uint8_t level(float v, float maxV, int maxLevel) {
    return static_cast<uint8_t>(maxV > 0 ? std::clamp(nearestInt(v / maxV * maxLevel), 0, maxLevel) : 0);
}

} // namespace

void packScaleMin(const uint8_t ls[8], const uint8_t lm[8], uint8_t out[12]) {
    std::memset(out, 0, 12);
    for (int j = 0; j < 8; ++j) {
        if (j < 4) {
            out[j] = ls[j];
            out[j + 4] = lm[j];
        } else {
            out[j + 4] = static_cast<uint8_t>((ls[j] & 0xF) | ((lm[j] & 0xF) << 4));
            out[j - 4] |= static_cast<uint8_t>((ls[j] >> 4) << 6);
            out[j] |= static_cast<uint8_t>((lm[j] >> 4) << 6);
        }
    }
}

void quantQ5_K(const float* x, BlockQ5_K* b, size_t nb) {
    for (size_t i = 0; i < nb; ++i, x += kQK_K) {
        float scales[8], mins[8];
        for (int s = 0; s < 8; ++s)
            fitScaleMin(x + 32 * s, 32, 31, scales[s], mins[s]);
        const float maxScale = *std::max_element(scales, scales + 8),
                    maxMin = *std::max_element(mins, mins + 8);
        b[i].d = fp32ToFp16(maxScale / 63.f);
        b[i].dmin = fp32ToFp16(maxMin / 63.f);
        uint8_t ls[8], lm[8];
        for (int s = 0; s < 8; ++s)
            ls[s] = level(scales[s], maxScale, 63), lm[s] = level(mins[s], maxMin, 63);
        packScaleMin(ls, lm, b[i].scales);
        // Quantize against the scales as they will be decoded (fp16 and 6-bit rounded).
        const float d = fp16ToFp32(b[i].d), dmin = fp16ToFp32(b[i].dmin);
        std::memset(b[i].qh, 0, sizeof b[i].qh);
        std::memset(b[i].qs, 0, sizeof b[i].qs);
        for (int s = 0; s < 8; ++s) {
            uint8_t sc, m;
            q4kScaleMin(s, b[i].scales, sc, m);
            const float step = d * sc, offset = dmin * m;
            for (int l = 0; l < 32; ++l) {
                const int q = step > 0 ? std::clamp(nearestInt((x[32 * s + l] + offset) / step), 0, 31) : 0;
                b[i].qs[(s / 2) * 32 + l] |= static_cast<uint8_t>((q & 0xF) << ((s & 1) * 4));
                b[i].qh[l] |= static_cast<uint8_t>((q >> 4) << s);
            }
        }
    }
}

void quantQ2_K(const float* x, BlockQ2_K* b, size_t nb) {
    for (size_t i = 0; i < nb; ++i, x += kQK_K) {
        float scales[16], mins[16];
        for (int s = 0; s < 16; ++s)
            fitScaleMin(x + 16 * s, 16, 3, scales[s], mins[s]);
        const float maxScale = *std::max_element(scales, scales + 16),
                    maxMin = *std::max_element(mins, mins + 16);
        b[i].d = fp32ToFp16(maxScale / 15.f);
        b[i].dmin = fp32ToFp16(maxMin / 15.f);
        for (int s = 0; s < 16; ++s)
            b[i].scales[s] =
                static_cast<uint8_t>(level(scales[s], maxScale, 15) | (level(mins[s], maxMin, 15) << 4));
        const float d = fp16ToFp32(b[i].d), dmin = fp16ToFp32(b[i].dmin);
        std::memset(b[i].qs, 0, sizeof b[i].qs);
        for (int e = 0; e < kQK_K; ++e) {
            const uint8_t sc = b[i].scales[e / 16];
            const float step = d * (sc & 0xF), offset = dmin * (sc >> 4);
            const int q = step > 0 ? std::clamp(nearestInt((x[e] + offset) / step), 0, 3) : 0;
            const int n = e / 128, j = (e % 128) / 32, l = e % 32;
            b[i].qs[32 * n + l] |= static_cast<uint8_t>(q << (2 * j));
        }
    }
}

void quantQ3_K(const float* x, BlockQ3_K* b, size_t nb) {
    for (size_t i = 0; i < nb; ++i, x += kQK_K) {
        // Quants −4..3: as in Q4_0, the signed value of largest magnitude maps to −4 (scales
        // are signed).
        float scales[16], maxScale = 0;
        for (int s = 0; s < 16; ++s) {
            float amax = 0, max = 0;
            for (int l = 0; l < 16; ++l)
                if (std::fabs(x[16 * s + l]) > amax) amax = std::fabs(x[16 * s + l]), max = x[16 * s + l];
            scales[s] = max / -4.f;
            maxScale = std::max(maxScale, amax / 4.f);
        }
        b[i].d = fp32ToFp16(maxScale / 31.f);
        const float d = fp16ToFp32(b[i].d);
        std::memset(b[i].scales, 0, sizeof b[i].scales);
        for (int s = 0; s < 16; ++s) {
            const int v = (d > 0 ? std::clamp(nearestInt(scales[s] / d), -32, 31) : 0) + 32;
            b[i].scales[s % 8] |= static_cast<uint8_t>((v & 0xF) << (s < 8 ? 0 : 4));
            b[i].scales[8 + s % 4] |= static_cast<uint8_t>((v >> 4) << (2 * (s / 4)));
        }
        std::memset(b[i].qs, 0, sizeof b[i].qs);
        std::memset(b[i].hmask, 0, sizeof b[i].hmask);
        for (int e = 0; e < kQK_K; ++e) {
            const float step = d * static_cast<float>(q3kScale(e / 16, b[i].scales));
            const int q = (step != 0 ? std::clamp(nearestInt(x[e] / step), -4, 3) : 0) + 4;
            const int n = e / 128, j = (e % 128) / 32, l = e % 32;
            b[i].qs[32 * n + l] |= static_cast<uint8_t>((q & 3) << (2 * j));
            b[i].hmask[l] |= static_cast<uint8_t>((q >> 2) << (4 * n + j));
        }
    }
}

} // namespace sosoik::gguf::detail
