#pragma once
// Test-side helpers for the Vulkan op tests: random tensors in every weight type, a plain CPU
// dequantizer (written from ggml's block definitions, independent of the shaders), and
// small upload/readback helpers.
#include "backend/vulkan/context.h"
#include "backend/vulkan/kernels.h"
#include "gguf/tensor_types.h"

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

namespace sosoik::vktest {

using gguf::TensorType;

inline float halfToFloat(uint16_t h) {
    const uint32_t sign = (h & 0x8000u) << 16, exp = (h >> 10) & 0x1F, mant = h & 0x3FF;
    float v;
    if (exp == 0)
        v = std::ldexp(float(mant), -24);
    else if (exp == 31)
        v = mant ? NAN : INFINITY;
    else
        v = std::ldexp(float(mant | 0x400), int(exp) - 25);
    uint32_t bits;
    std::memcpy(&bits, &v, 4);
    bits |= sign;
    std::memcpy(&v, &bits, 4);
    return v;
}

inline uint16_t floatToHalf(float f) { // round to nearest; inputs are small and normal in tests
    if (f == 0.f) return 0;
    uint32_t sign = std::signbit(f) ? 0x8000u : 0;
    int e;
    float m = std::frexp(std::fabs(f), &e); // f = m · 2^e, m in [0.5, 1)
    int exp = e + 14;
    if (exp <= 0) return static_cast<uint16_t>(sign | uint32_t(std::lround(std::ldexp(std::fabs(f), 24))));
    uint32_t mant = static_cast<uint32_t>(std::lround((m * 2 - 1) * 1024));
    if (mant == 1024) mant = 0, ++exp;
    return static_cast<uint16_t>(sign | (uint32_t(exp) << 10) | mant);
}

struct TypeSize {
    uint32_t blockElements, blockBytes;
};
inline TypeSize typeSize(TensorType t) {
    switch (t) {
    case TensorType::F32:
        return {1, 4};
    case TensorType::F16:
    case TensorType::BF16:
        return {1, 2};
    case TensorType::Q8_0:
        return {32, 34};
    case TensorType::Q4_0:
        return {32, 18};
    case TensorType::Q4_K:
        return {256, 144};
    case TensorType::Q6_K:
        return {256, 210};
    default:
        return {0, 0};
    }
}

inline void putHalf(uint8_t* p, float v) {
    const uint16_t h = floatToHalf(v);
    std::memcpy(p, &h, 2);
}
inline float getHalf(const uint8_t* p) {
    uint16_t h;
    std::memcpy(&h, p, 2);
    return halfToFloat(h);
}

// Random bytes of a rows × cols tensor in ggml's layout, with sane (finite, small) scales.
inline std::vector<uint8_t> randomTensor(TensorType t, uint32_t rows, uint32_t cols, std::mt19937& rng) {
    const TypeSize ts = typeSize(t);
    const size_t blocks = size_t(rows) * cols / ts.blockElements;
    std::vector<uint8_t> data(blocks * ts.blockBytes);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_real_distribution<float> unit(-1.f, 1.f), scale(0.002f, 0.02f);
    for (auto& b : data)
        b = static_cast<uint8_t>(byte(rng));
    for (size_t b = 0; b < blocks; ++b) {
        uint8_t* blk = data.data() + b * ts.blockBytes;
        switch (t) {
        case TensorType::F32: {
            const float v = unit(rng);
            std::memcpy(blk, &v, 4);
            break;
        }
        case TensorType::F16:
            putHalf(blk, unit(rng));
            break;
        case TensorType::BF16: {
            const float v = unit(rng);
            uint32_t bits;
            std::memcpy(&bits, &v, 4);
            const uint16_t h = static_cast<uint16_t>(bits >> 16);
            std::memcpy(blk, &h, 2);
            break;
        }
        case TensorType::Q8_0:
        case TensorType::Q4_0:
            putHalf(blk, scale(rng) * (byte(rng) & 1 ? 1 : -1));
            break;
        case TensorType::Q4_K:
            putHalf(blk, scale(rng) * 0.1f);
            putHalf(blk + 2, scale(rng) * 0.1f);
            break;
        case TensorType::Q6_K:
            putHalf(blk + 208, scale(rng) * 0.05f);
            break;
        default:
            break;
        }
    }
    return data;
}

inline void scaleMinK4(int j, const uint8_t* q, int& sc, int& m) {
    if (j < 4) {
        sc = q[j] & 63, m = q[j + 4] & 63;
    } else {
        sc = (q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4);
        m = (q[j + 4] >> 4) | ((q[j] >> 6) << 4);
    }
}

// Dequantizes a whole tensor (ggml layout) to rows × cols floats.
inline std::vector<float> dequantize(TensorType t, const std::vector<uint8_t>& data, uint32_t rows,
                                     uint32_t cols) {
    std::vector<float> out(size_t(rows) * cols);
    const TypeSize ts = typeSize(t);
    const size_t blocks = out.size() / ts.blockElements;
    for (size_t b = 0; b < blocks; ++b) {
        const uint8_t* blk = data.data() + b * ts.blockBytes;
        float* y = out.data() + b * ts.blockElements;
        switch (t) {
        case TensorType::F32:
            std::memcpy(y, blk, 4);
            break;
        case TensorType::F16:
            y[0] = getHalf(blk);
            break;
        case TensorType::BF16: {
            uint32_t bits = uint32_t(blk[0] | (blk[1] << 8)) << 16;
            std::memcpy(y, &bits, 4);
            break;
        }
        case TensorType::Q8_0: {
            const float d = getHalf(blk);
            for (int i = 0; i < 32; ++i)
                y[i] = d * static_cast<int8_t>(blk[2 + i]);
            break;
        }
        case TensorType::Q4_0: {
            const float d = getHalf(blk);
            for (int i = 0; i < 16; ++i) {
                y[i] = d * ((blk[2 + i] & 0xF) - 8);
                y[i + 16] = d * ((blk[2 + i] >> 4) - 8);
            }
            break;
        }
        case TensorType::Q4_K: {
            const float d = getHalf(blk), dmin = getHalf(blk + 2);
            const uint8_t* scales = blk + 4;
            const uint8_t* q = blk + 16;
            for (int j = 0; j < 8; j += 2) {
                int sc, m;
                scaleMinK4(j, scales, sc, m);
                const float d1 = d * sc, m1 = dmin * m;
                scaleMinK4(j + 1, scales, sc, m);
                const float d2 = d * sc, m2 = dmin * m;
                for (int l = 0; l < 32; ++l)
                    y[j * 32 + l] = d1 * (q[l] & 0xF) - m1;
                for (int l = 0; l < 32; ++l)
                    y[j * 32 + 32 + l] = d2 * (q[l] >> 4) - m2;
                q += 32;
            }
            break;
        }
        case TensorType::Q6_K: {
            const float d = getHalf(blk + 208);
            const uint8_t *ql = blk, *qh = blk + 128;
            const int8_t* sc = reinterpret_cast<const int8_t*>(blk + 192);
            for (int n = 0; n < 256; n += 128) {
                for (int l = 0; l < 32; ++l) {
                    const int is = l / 16;
                    const int q1 = int((ql[l] & 0xF) | (((qh[l] >> 0) & 3) << 4)) - 32;
                    const int q2 = int((ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4)) - 32;
                    const int q3 = int((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
                    const int q4 = int((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
                    y[n + l] = d * sc[is] * q1;
                    y[n + l + 32] = d * sc[is + 2] * q2;
                    y[n + l + 64] = d * sc[is + 4] * q3;
                    y[n + l + 96] = d * sc[is + 6] * q4;
                }
                ql += 64, qh += 32, sc += 8;
            }
            break;
        }
        default:
            break;
        }
    }
    return out;
}

inline std::vector<float> randomFloats(size_t n, std::mt19937& rng, float lo = -1.f, float hi = 1.f) {
    std::uniform_real_distribution<float> d(lo, hi);
    std::vector<float> v(n);
    for (auto& x : v)
        x = d(rng);
    return v;
}

// A device buffer holding floats (zero-padded to `capacity` floats).
inline vk::Buffer upload(vk::Context& ctx, const std::vector<float>& v, size_t capacity = 0) {
    vk::Buffer b =
        ctx.createBuffer(std::max(v.size(), capacity) * 4 + 16, vk::MemoryKind::Device, "test data");
    if (!v.empty()) ctx.write(b, 0, v.data(), v.size() * 4);
    return b;
}
inline std::vector<float> download(vk::Context& ctx, const vk::Buffer& b, size_t n) {
    std::vector<float> v(n);
    ctx.read(b, 0, v.data(), n * 4);
    return v;
}

// Uploads a ggml tensor into the kernels' layout.
inline vk::DeviceWeight uploadWeight(vk::Context& ctx, vk::Buffer& storage, TensorType t,
                                     const std::vector<uint8_t>& data, uint32_t rows, uint32_t cols) {
    vk::DeviceWeight w;
    w.layout = vk::weightLayout(t, rows, cols);
    storage = ctx.createBuffer(w.layout.bytes(), vk::MemoryKind::Device, "test weights");
    std::vector<uint8_t> packed(w.layout.bytes());
    vk::packRows(w.layout, data.data(), 0, rows, packed.data(), packed.data() + w.layout.quantBytes);
    ctx.write(storage, 0, packed.data(), packed.size());
    w.quants = storage.ref();
    return w;
}

// Records ops into one command buffer, submits it and waits.
template <class F> void runOnce(vk::Context& ctx, F&& record) {
    VkCommandBuffer cb = ctx.allocateCommandBuffer();
    record(cb);
    vk::hostReadBarrier(cb);
    vkEndCommandBuffer(cb);
    ctx.submitAndWait(cb);
    ctx.freeCommandBuffer(cb);
}

} // namespace sosoik::vktest
