// Normal random floats for the CPU kernel tests (shared by tst_cpu_kernels and tst_cpu_int8).
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace sosoik::test {

inline std::vector<float> randomFloats(size_t n, uint32_t seed, float sd = 1.f) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> d(0.f, sd);
    std::vector<float> v(n);
    for (auto& x : v)
        x = d(rng);
    return v;
}

} // namespace sosoik::test
