#include "sosoik/devices.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

#if defined(__linux__)
#include <unistd.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

namespace sosoik {
namespace {

// Σ of words [begin, end): four independent sums so the loads, not one add chain, set the pace.
uint64_t sumWords(const uint64_t* begin, const uint64_t* end) {
    uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    const uint64_t* p = begin;
    for (; p + 4 <= end; p += 4)
        s0 += p[0], s1 += p[1], s2 += p[2], s3 += p[3];
    for (; p < end; ++p)
        s0 += *p;
    return s0 + s1 + s2 + s3;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// The same with 256-bit loads, 128 bytes per iteration, as the AVX2 kernels read weights: on this Zen 2 VM
// the plain loop above (which GCC makes 128-bit) read 27.6-29.5 GB/s with two threads where these loads read
// 30.0-33.1 in alternating runs.
__attribute__((target("avx2"))) uint64_t sumWordsAvx2(const uint64_t* begin, const uint64_t* end) {
    __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;
    const uint64_t* p = begin;
    for (; p + 16 <= end; p += 16) {
        a0 = _mm256_add_epi64(a0, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)));
        a1 = _mm256_add_epi64(a1, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 4)));
        a2 = _mm256_add_epi64(a2, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 8)));
        a3 = _mm256_add_epi64(a3, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 12)));
    }
    alignas(32) uint64_t lanes[4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lanes),
                       _mm256_add_epi64(_mm256_add_epi64(a0, a1), _mm256_add_epi64(a2, a3)));
    return lanes[0] + lanes[1] + lanes[2] + lanes[3] + sumWords(p, end);
}
#endif

uint64_t physicalMemoryBytes() {
#if defined(__linux__)
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGE_SIZE);
    if (pages > 0 && pageSize > 0) return uint64_t(pages) * uint64_t(pageSize);
#endif
    return uint64_t(4) << 30;
}

} // namespace

MemoryBandwidth measureCpuReadBandwidth(int threads) {
    threads = std::max(1, threads);
    // Far beyond the last-level caches of desktop and server parts (tens to a few hundred MiB), yet small
    // enough to sit beside a loaded model: 1 GiB, at most an eighth of the machine's memory.
    const uint64_t bytes = std::max<uint64_t>(
        uint64_t(64) << 20, std::min<uint64_t>(uint64_t(1) << 30, physicalMemoryBytes() / 8));
    std::vector<uint64_t> words(bytes / sizeof(uint64_t));
    for (size_t i = 0; i < words.size(); ++i) // touch every page now, so no pass pays page faults
        words[i] = i;
    const size_t share = (words.size() + size_t(threads) - 1) / size_t(threads);
    std::vector<uint64_t> sums(size_t(threads) * 8); // a cache line per thread
    auto sum = sumWords;
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
    if (__builtin_cpu_supports("avx2")) sum = sumWordsAvx2;
#endif
    double best = 0;
    for (int pass = 0; pass < 4; ++pass) {
        const auto start = std::chrono::steady_clock::now();
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                const size_t from = std::min(words.size(), size_t(t) * share);
                const size_t to = std::min(words.size(), from + share);
                sums[size_t(t) * 8] += sum(words.data() + from, words.data() + to);
            });
        for (auto& th : pool)
            th.join();
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (pass > 0) best = std::max(best, double(bytes) / seconds / 1e9); // pass 0 warms up the threads
    }
    uint64_t total = 0; // the sums are used, so the reads cannot be optimized away
    for (uint64_t s : sums)
        total += s;
    return {best, bytes, threads, total};
}

} // namespace sosoik
