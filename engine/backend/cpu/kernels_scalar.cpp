// The portable kernels: plain C++ that any compiler vectorizes as far as the baseline allows.
// They are also the definition the SIMD levels are tested against (tst_cpu_kernels).
#include "backend/cpu/kernels.h"

#include "gguf/block_helpers.h"
#include "sosoik/error.h"

#include <array>
#include <cmath>
#include <cstring>
#include <vector>

namespace sosoik::backend::cpu {
namespace detail {

float fp16(uint16_t h) {
    static const std::vector<float> table = [] {
        std::vector<float> t(65536);
        for (uint32_t i = 0; i < 65536; ++i)
            t[i] = gguf::fp16ToFp32(static_cast<uint16_t>(i));
        return t;
    }();
    return table[h];
}

} // namespace detail

namespace {

using detail::fp16;

float dotF32(int n, const float* a, const float* b) {
    float s[8] = {};
    int i = 0;
    for (; i + 8 <= n; i += 8)
        for (int j = 0; j < 8; ++j)
            s[j] += a[i + j] * b[i + j];
    float sum = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    for (; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

float dotF16(int n, const uint16_t* a, const float* b) {
    float sum = 0;
    for (int i = 0; i < n; ++i)
        sum += fp16(a[i]) * b[i];
    return sum;
}

void axpyF16(int n, float alpha, const uint16_t* x, float* y) {
    for (int i = 0; i < n; ++i)
        y[i] += alpha * fp16(x[i]);
}

void scoresF16(int hd, const float* q, const uint16_t* k, size_t stride, int n, float* out) {
    for (int j = 0; j < n; ++j)
        out[j] = dotF16(hd, k + size_t(j) * stride, q);
}

float expSum(int n, float* x, float max) {
    float sum = 0;
    for (int j = 0; j < n; ++j)
        sum += x[j] = std::exp(x[j] - max);
    return sum;
}

void weightedSumF16(int hd, const float* w, const uint16_t* v, size_t stride, int n, float* acc) {
    for (int j = 0; j < n; ++j)
        axpyF16(hd, w[j], v + size_t(j) * stride, acc);
}

void axpyF32(int n, float alpha, const float* x, float* y) {
    for (int i = 0; i < n; ++i)
        y[i] += alpha * x[i];
}

void scoresF32(int hd, const float* q, const float* k, size_t stride, int n, float* out) {
    for (int j = 0; j < n; ++j)
        out[j] = dotF32(hd, k + size_t(j) * stride, q);
}

void weightedSumF32(int hd, const float* w, const float* v, size_t stride, int n, float* acc) {
    for (int j = 0; j < n; ++j)
        axpyF32(hd, w[j], v + size_t(j) * stride, acc);
}

void scale(int n, float s, float* y) {
    for (int i = 0; i < n; ++i)
        y[i] *= s;
}

void toF16(int n, const float* x, uint16_t* y) {
    for (int i = 0; i < n; ++i)
        y[i] = gguf::fp32ToFp16(x[i]);
}

void fromF16(int n, const uint16_t* x, float* y) {
    for (int i = 0; i < n; ++i)
        y[i] = fp16(x[i]);
}

// Symmetric 16-bit blocks of 32: d = max|x| / 32767, q = round(x / d).
void quantizeQ16(int n, const float* x, ActQ16* y) {
    for (int b = 0; b < n / 32; ++b, x += 32) {
        float amax = 0;
        for (int j = 0; j < 32; ++j)
            amax = std::max(amax, std::fabs(x[j]));
        const float d = amax / 32767.f, id = d > 0 ? 1.f / d : 0.f;
        int sum = 0;
        for (int j = 0; j < 32; ++j) {
            const int q = static_cast<int>(std::nearbyint(x[j] * id));
            y[b].qs[j] = static_cast<int16_t>(q);
            sum += q;
            if (j == 15) y[b].sumLow = sum;
        }
        y[b].d = d;
        y[b].sum = sum;
    }
}

// As reference::swiglu and reference::rmsnorm (the definitions the vector ones are tested against).
void swiglu(int n, const float* gate, const float* up, float* out) {
    for (int i = 0; i < n; ++i)
        out[i] = gate[i] / (1.f + std::exp(-gate[i])) * up[i];
}
void rmsnorm(int n, const float* x, const float* weight, float eps, float* out) {
    double ss = 0;
    for (int i = 0; i < n; ++i)
        ss += double(x[i]) * x[i];
    const float scale = static_cast<float>(1.0 / std::sqrt(ss / n + eps));
    for (int i = 0; i < n; ++i)
        out[i] = x[i] * scale * (weight ? weight[i] : 1.f);
}

// One weight row · one activation row; DotRows loops it over the activations.
template <float (*Dot)(int, const void*, const void*), size_t ActBytes>
void dotRows(int k, const void* row, const void* act, size_t actStride, int n, float* out) {
    for (int j = 0; j < n; ++j)
        out[j] = Dot(k, row, static_cast<const uint8_t*>(act) + j * actStride);
}

float dotRowF32(int k, const void* w, const void* a) {
    return dotF32(k, static_cast<const float*>(w), static_cast<const float*>(a));
}
float dotRowF16(int k, const void* w, const void* a) {
    return dotF16(k, static_cast<const uint16_t*>(w), static_cast<const float*>(a));
}
float dotRowBF16(int k, const void* w, const void* a) {
    const auto* h = static_cast<const uint16_t*>(w);
    const auto* x = static_cast<const float*>(a);
    float sum = 0;
    for (int i = 0; i < k; ++i)
        sum += gguf::bf16ToFp32(h[i]) * x[i];
    return sum;
}

// The quantized rows against ActQ16 activations, one sub-block of 32 weights at a time: each
// type's decoder gives the 32 weights as small integers q with w = scale·q − min (the same split
// the SIMD decoders make), and the dot product is an integer sum per sub-block scaled in float.
struct Sub {
    int16_t q[32];
    float scale, min;
    bool halves = false; // Q2_K: min is that of values 0..15, minHigh that of 16..31
    float minHigh = 0;
};

void subQ4_0(const void* row, int j, Sub& s) {
    const auto& b = static_cast<const gguf::BlockQ4_0*>(row)[j];
    for (int l = 0; l < 16; ++l)
        s.q[l] = int16_t((b.qs[l] & 0xF) - 8), s.q[l + 16] = int16_t((b.qs[l] >> 4) - 8);
    s.scale = fp16(b.d), s.min = 0;
}
void subQ4_1(const void* row, int j, Sub& s) {
    const auto& b = static_cast<const gguf::BlockQ4_1*>(row)[j];
    for (int l = 0; l < 16; ++l)
        s.q[l] = int16_t(b.qs[l] & 0xF), s.q[l + 16] = int16_t(b.qs[l] >> 4);
    s.scale = fp16(b.d), s.min = -fp16(b.m);
}
template <class Block> void subQ5(const Block& b, Sub& s) {
    uint32_t qh;
    std::memcpy(&qh, b.qh, 4);
    for (int l = 0; l < 16; ++l) {
        s.q[l] = int16_t((b.qs[l] & 0xF) | (((qh >> l) & 1) << 4));
        s.q[l + 16] = int16_t((b.qs[l] >> 4) | (((qh >> (l + 16)) & 1) << 4));
    }
}
void subQ5_0(const void* row, int j, Sub& s) {
    const auto& b = static_cast<const gguf::BlockQ5_0*>(row)[j];
    subQ5(b, s);
    s.scale = fp16(b.d), s.min = 16.f * s.scale; // w = d·(q − 16)
}
void subQ5_1(const void* row, int j, Sub& s) {
    const auto& b = static_cast<const gguf::BlockQ5_1*>(row)[j];
    subQ5(b, s);
    s.scale = fp16(b.d), s.min = -fp16(b.m);
}
void subQ8_0(const void* row, int j, Sub& s) {
    const auto& b = static_cast<const gguf::BlockQ8_0*>(row)[j];
    for (int l = 0; l < 32; ++l)
        s.q[l] = b.qs[l];
    s.scale = fp16(b.d), s.min = 0;
}
void subIQ4_NL(const void* row, int j, Sub& s) {
    const auto& b = static_cast<const gguf::BlockIQ4_NL*>(row)[j];
    for (int l = 0; l < 16; ++l)
        s.q[l] = gguf::kIq4nlValues[b.qs[l] & 0xF], s.q[l + 16] = gguf::kIq4nlValues[b.qs[l] >> 4];
    s.scale = fp16(b.d), s.min = 0;
}
void subIQ4_XS(const void* row, int j, Sub& s) {
    const auto& b = static_cast<const gguf::BlockIQ4_XS*>(row)[j / 8];
    const uint8_t* q = b.qs + 16 * (j % 8);
    for (int l = 0; l < 16; ++l)
        s.q[l] = gguf::kIq4nlValues[q[l] & 0xF], s.q[l + 16] = gguf::kIq4nlValues[q[l] >> 4];
    s.scale = fp16(b.d) * static_cast<float>(gguf::detail::iq4xsScale(j % 8, b.scalesL, b.scalesH));
    s.min = 0;
}
// Q4_K / Q5_K: sub-block s of a super-block is w = d·sc_s·q − dmin·m_s.
void subQ4_K(const void* row, int j, Sub& s) {
    const auto& b = static_cast<const gguf::BlockQ4_K*>(row)[j / 8];
    const int sb = j % 8;
    uint8_t sc, m;
    gguf::detail::q4kScaleMin(sb, b.scales, sc, m);
    const uint8_t* q = b.qs + 32 * (sb / 2);
    for (int l = 0; l < 32; ++l)
        s.q[l] = int16_t((sb & 1) ? q[l] >> 4 : q[l] & 0xF);
    s.scale = fp16(b.d) * sc, s.min = fp16(b.dmin) * m;
}
void subQ5_K(const void* row, int j, Sub& s) {
    const auto& b = static_cast<const gguf::BlockQ5_K*>(row)[j / 8];
    const int sb = j % 8;
    uint8_t sc, m;
    gguf::detail::q4kScaleMin(sb, b.scales, sc, m);
    const uint8_t* q = b.qs + 32 * (sb / 2);
    for (int l = 0; l < 32; ++l)
        s.q[l] = int16_t(((sb & 1) ? q[l] >> 4 : q[l] & 0xF) | (((b.qh[l] >> sb) & 1) << 4));
    s.scale = fp16(b.d) * sc, s.min = fp16(b.dmin) * m;
}
// Q6_K: 32-value group g of half n; its two 16-value scales are folded into q (|q·sc| ≤ 4096).
void subQ6_K(const void* row, int j, Sub& s) {
    const auto& b = static_cast<const gguf::BlockQ6_K*>(row)[j / 8];
    const int n = (j % 8) / 4, g = j % 4;
    const uint8_t* ql = b.ql + 64 * n + (g & 1) * 32;
    const uint8_t* qh = b.qh + 32 * n;
    const int8_t* sc = b.scales + 8 * n + 2 * g;
    for (int l = 0; l < 32; ++l) {
        const int low = (g < 2) ? ql[l] & 0xF : ql[l] >> 4;
        s.q[l] = int16_t((((low | (((qh[l] >> (2 * g)) & 3) << 4))) - 32) * sc[l / 16]);
    }
    s.scale = fp16(b.d), s.min = 0;
}

// Q2_K and Q3_K: 32-value group g of a super-block, its two 16-value scales folded into q
// (|q·sc| ≤ 60 and ≤ 128); Q2_K's two minimums go with the activations' half sums.
void subQ2_K(const void* row, int j, Sub& s) {
    const auto& b = static_cast<const gguf::BlockQ2_K*>(row)[j / 8];
    const int n = (j % 8) / 4, g = j % 4;
    const uint8_t* sc = b.scales + 8 * n + 2 * g;
    for (int l = 0; l < 32; ++l)
        s.q[l] = int16_t(((b.qs[32 * n + l] >> (2 * g)) & 3) * (sc[l / 16] & 0xF));
    const float dmin = fp16(b.dmin);
    s.scale = fp16(b.d), s.min = dmin * float(sc[0] >> 4), s.minHigh = dmin * float(sc[1] >> 4);
    s.halves = true;
}
void subQ3_K(const void* row, int j, Sub& s) {
    const auto& b = static_cast<const gguf::BlockQ3_K*>(row)[j / 8];
    const int n = (j % 8) / 4, g = j % 4;
    const int sc[2] = {gguf::detail::q3kScale(8 * n + 2 * g, b.scales),
                       gguf::detail::q3kScale(8 * n + 2 * g + 1, b.scales)};
    for (int l = 0; l < 32; ++l) {
        const int q = ((b.qs[32 * n + l] >> (2 * g)) & 3) - (((b.hmask[l] >> (4 * n + g)) & 1) ? 0 : 4);
        s.q[l] = int16_t(q * sc[l / 16]);
    }
    s.scale = fp16(b.d), s.min = 0;
}

template <void (*Decode)(const void*, int, Sub&)> float dotQ(int k, const void* row, const void* a) {
    const auto* y = static_cast<const ActQ16*>(a);
    float sum = 0;
    Sub s;
    for (int j = 0; j < k / 32; ++j) {
        Decode(row, j, s);
        int64_t dot = 0;
        for (int l = 0; l < 32; ++l)
            dot += s.q[l] * y[j].qs[l];
        const float mins = !s.halves ? s.min * static_cast<float>(y[j].sum)
                                     : s.min * static_cast<float>(y[j].sumLow) +
                                           s.minHigh * static_cast<float>(y[j].sum - y[j].sumLow);
        sum += y[j].d * (s.scale * static_cast<float>(dot) - mins);
    }
    return sum;
}

#include "backend/cpu/kernels_scalar_int8.inc"

} // namespace

namespace detail {

void fillScalar(Kernels& k) {
    using gguf::TensorType;
    k.isa = Isa::Scalar;
    k.dotF32 = dotF32;
    k.dotF16 = dotF16;
    k.axpyF16 = axpyF16;
    k.scoresF16 = scoresF16, k.expSum = expSum, k.weightedSumF16 = weightedSumF16;
    k.scoresF32 = scoresF32, k.weightedSumF32 = weightedSumF32;
    k.axpyF32 = axpyF32;
    k.scale = scale;
    k.toF16 = toF16;
    k.fromF16 = fromF16;
    k.quantizeQ16 = quantizeQ16;
    k.swiglu = swiglu;
    k.rmsnorm = rmsnorm;
    auto set = [&](TensorType t, ActFormat f, DotRows d) { k.types[static_cast<uint32_t>(t)] = {f, d}; };
    set(TensorType::F32, ActFormat::F32, dotRows<dotRowF32, 0>);
    set(TensorType::F16, ActFormat::F32, dotRows<dotRowF16, 0>);
    set(TensorType::BF16, ActFormat::F32, dotRows<dotRowBF16, 0>);
    set(TensorType::Q4_0, ActFormat::Q16, dotRows<dotQ<subQ4_0>, 0>);
    set(TensorType::Q4_1, ActFormat::Q16, dotRows<dotQ<subQ4_1>, 0>);
    set(TensorType::Q5_0, ActFormat::Q16, dotRows<dotQ<subQ5_0>, 0>);
    set(TensorType::Q5_1, ActFormat::Q16, dotRows<dotQ<subQ5_1>, 0>);
    set(TensorType::Q8_0, ActFormat::Q16, dotRows<dotQ<subQ8_0>, 0>);
    set(TensorType::IQ4_NL, ActFormat::Q16, dotRows<dotQ<subIQ4_NL>, 0>);
    set(TensorType::IQ4_XS, ActFormat::Q16, dotRows<dotQ<subIQ4_XS>, 0>);
    set(TensorType::Q4_K, ActFormat::Q16, dotRows<dotQ<subQ4_K>, 0>);
    set(TensorType::Q5_K, ActFormat::Q16, dotRows<dotQ<subQ5_K>, 0>);
    set(TensorType::Q6_K, ActFormat::Q16, dotRows<dotQ<subQ6_K>, 0>);
    set(TensorType::Q2_K, ActFormat::Q16, dotRows<dotQ<subQ2_K>, 0>);
    set(TensorType::Q3_K, ActFormat::Q16, dotRows<dotQ<subQ3_K>, 0>);
    k.quantizeQ8 = quantizeQ8;
    k.q8Tile = q8Tile;
    k.setQ8(TensorType::Q4_0, decodeQ8<subQ4_0, 8>);
    k.setQ8(TensorType::Q4_1, decodeQ8<subQ4_1, 0>);
    k.setQ8(TensorType::Q5_0, decodeQ8<subQ5_0, 0>);
    k.setQ8(TensorType::Q5_1, decodeQ8<subQ5_1, 0>);
    k.setQ8(TensorType::Q4_K, decodeQ8<subQ4_K, 0>);
    k.setQ8(TensorType::Q5_K, decodeQ8<subQ5_K, 0>);
}

} // namespace detail

const Kernels& kernelsFor(Isa isa) {
    if (!isaSupported(isa))
        throw Error(Error::Kind::Unsupported,
                    std::string("this CPU cannot run the ") + isaName(isa) + " kernels");
    static const std::array<Kernels, kIsaCount> tables = [] {
        std::array<Kernels, kIsaCount> t;
        for (auto& k : t)
            detail::fillScalar(k);
        // A level's fill() is plain code, but only a CPU with the level may ever call its kernels.
        if (isaSupported(Isa::Avx2)) detail::fillAvx2(t[1]);
        if (isaSupported(Isa::Avx512)) {
            detail::fillAvx2(t[2]);
            detail::fillAvx512(t[2]);
        }
        return t;
    }();
    return tables[static_cast<int>(isa)];
}

size_t activationRowBytes(ActFormat f, int k) {
    switch (f) {
    case ActFormat::F32:
        return size_t(k) * sizeof(float);
    case ActFormat::Q16:
        return q16SuperOffset(k) + size_t(k / 256) * sizeof(Q16SuperBlock);
    }
    return 0;
}

void quantizeRowQ16(const Kernels& kernels, int k, const float* x, void* row) {
    auto* blocks = static_cast<ActQ16*>(row);
    kernels.quantizeQ16(k, x, blocks);
    auto* lane = reinterpret_cast<int16_t*>(static_cast<uint8_t*>(row) + q16InLaneOffset(k));
    for (int b = 0; b < k / 32; ++b, lane += 32)
        for (int i = 0; i < 8; ++i) {
            const int16_t* q = blocks[b].qs;
            lane[i] = q[i], lane[8 + i] = q[16 + i], lane[16 + i] = q[8 + i], lane[24 + i] = q[24 + i];
        } // the same products as the tiles computed them (float(Σ) rounded once, one multiply)
    auto* super = reinterpret_cast<Q16SuperBlock*>(static_cast<uint8_t*>(row) + q16SuperOffset(k));
    for (int s = 0; s < k / 256; ++s, blocks += 8) {
        Q16SuperBlock& o = super[s];
        for (int b = 0; b < 8; ++b) {
            o.d[b] = blocks[b].d, o.dSum[b] = blocks[b].d * float(blocks[b].sum);
            const int n = b / 4, i = b % 4;
            o.dHalf[n][i] = o.dHalf[n][4 + i] = blocks[b].d;
            o.sums[n][i] = blocks[b].sumLow, o.sums[n][4 + i] = blocks[b].sum - blocks[b].sumLow;
        }
    }
}

bool hasNativeKernel(const Kernels& kernels, gguf::TensorType t) {
    return kernels.forType(t).dot != nullptr;
}

} // namespace sosoik::backend::cpu
