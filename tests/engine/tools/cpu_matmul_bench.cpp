// Kernel micro-benchmark for the CPU backend's matrix products (docs/PERFORMANCE.md): one thread, random
// weights of a type, the minimum CPU time of several passes (the steadiest number on a shared machine).
//   sosoik-cpu-matmul-bench TYPE K ROWS TOKENS [PASSES]
//   e.g. sosoik-cpu-matmul-bench Q4_0 576 1536 128      (SmolLM2-135M's gate|up against a 128-token prompt)
// SOSOIK_CPU_ISA and SOSOIK_CPU_PROMPT choose the kernels as in the backend.
#include "backend/cpu/matmul.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>

using namespace sosoik::backend;

namespace {
double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}
} // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: %s TYPE K ROWS TOKENS [PASSES]\n", argv[0]);
        return 2;
    }
    const auto type = sosoik::gguf::typeFromName(argv[1]);
    const int k = std::atoi(argv[2]), rows = std::atoi(argv[3]), n = std::atoi(argv[4]);
    const int passes = argc > 5 ? std::atoi(argv[5]) : 20;
    if (!type || k <= 0 || rows <= 0 || n <= 0 || k % int(sosoik::gguf::traits(*type).blockElements) != 0) {
        std::fprintf(stderr, "bad type or shape\n");
        return 2;
    }
    std::mt19937 rng(1);
    std::normal_distribution<float> normal(0.f, 1.f);
    const size_t rowBytes = sosoik::gguf::rowBytes(*type, size_t(k));
    std::vector<uint8_t> weights(rowBytes * rows);
    std::vector<float> row(k), x(size_t(n) * k), y(size_t(n) * rows);
    for (int r = 0; r < rows; ++r) {
        for (float& v : row)
            v = normal(rng);
        sosoik::gguf::quantizeRow(*type, row.data(), weights.data() + rowBytes * r, size_t(k));
    }
    for (float& v : x)
        v = normal(rng);
    const cpu::Kernels& kernels = cpu::kernelsFor(cpu::chosenIsa());
    cpu::ThreadPool pool(1);
    cpu::MatMul matmul(kernels, pool);
    const cpu::WeightMatrix w{*type, weights.data(), rows, k, rowBytes};
    double best = 1e30;
    for (int p = 0; p < passes; ++p) {
        const double t0 = threadCpuSeconds();
        matmul.run({&w, 1}, x.data(), n, size_t(k), y.data(), size_t(rows));
        best = std::min(best, threadCpuSeconds() - t0);
    }
    const char* prompt = std::getenv("SOSOIK_CPU_PROMPT");
    std::printf("%s %s k=%d rows=%d tokens=%d prompt=%s: min %.3f ms/pass, %.2f GMAC/s\n",
                cpu::isaName(kernels.isa), argv[1], k, rows, n, prompt ? prompt : "default", best * 1e3,
                double(k) * rows * n / best * 1e-9);
    return 0;
}
