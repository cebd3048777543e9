#pragma once
// Test-side helpers for the Vulkan op tests: random tensors in every weight type (random
// quants with sane scales), the reference dequantizer, and small upload/readback helpers.
#include "backend/vulkan/context.h"
#include "backend/vulkan/kernels.h"
#include "gguf/tensor_types.h"

#include <cmath>
#include <cstddef>
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

using TypeSize = gguf::TypeTraits;
inline TypeSize typeSize(TensorType t) {
    return gguf::traits(t);
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
        case TensorType::Q5_0:
            putHalf(blk, scale(rng) * (byte(rng) & 1 ? 1 : -1));
            break;
        case TensorType::IQ4_NL:
            putHalf(blk, scale(rng) * 0.06f * (byte(rng) & 1 ? 1 : -1));
            break;
        case TensorType::Q4_1:
        case TensorType::Q5_1:
            putHalf(blk, scale(rng) * 0.5f);
            putHalf(blk + 2, -scale(rng) * 4);
            break;
        case TensorType::Q2_K:
            putHalf(blk + offsetof(gguf::BlockQ2_K, d), scale(rng) * 0.3f);
            putHalf(blk + offsetof(gguf::BlockQ2_K, dmin), scale(rng) * 0.1f);
            break;
        case TensorType::Q3_K:
            putHalf(blk + offsetof(gguf::BlockQ3_K, d), scale(rng) * 0.05f);
            break;
        case TensorType::Q5_K:
            putHalf(blk, scale(rng) * 0.05f);
            putHalf(blk + 2, scale(rng) * 0.1f);
            break;
        case TensorType::IQ4_XS:
            putHalf(blk, scale(rng) * 0.002f);
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

// Dequantizes a whole tensor (ggml layout) to rows × cols floats with the engine's reference
// dequantizer (the one the reference backend uses).
inline std::vector<float> dequantize(TensorType t, const std::vector<uint8_t>& data, uint32_t rows,
                                     uint32_t cols) {
    std::vector<float> out(size_t(rows) * cols);
    const size_t rowBytes = gguf::rowBytes(t, cols);
    for (uint32_t r = 0; r < rows; ++r)
        gguf::dequantizeRow(t, data.data() + r * rowBytes, out.data() + size_t(r) * cols, cols);
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
