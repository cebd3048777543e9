#include "backend/cpu/thread_pool.h"

#include <algorithm>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define SOSOIK_PAUSE() _mm_pause()
#else
#define SOSOIK_PAUSE() std::this_thread::yield()
#endif

namespace sosoik::backend::cpu {
namespace {

// About 2000 pauses (40-100 µs): longer than the gap between two ops of one token, far shorter than
// anything a user would notice as a busy core.
constexpr int kSpins = 2000;

template <class T, class Pred> void spinThenWait(std::atomic<T>& a, Pred done) {
    for (int i = 0; i < kSpins; ++i) {
        if (done(a.load(std::memory_order_acquire))) return;
        SOSOIK_PAUSE();
    }
    for (T v = a.load(std::memory_order_acquire); !done(v); v = a.load(std::memory_order_acquire))
        a.wait(v, std::memory_order_acquire);
}

} // namespace

ThreadPool::ThreadPool(int threads) {
    threads = std::max(1, threads);
    workers_.reserve(threads - 1);
    for (int i = 1; i < threads; ++i)
        workers_.emplace_back([this, i] { work(i); });
}

ThreadPool::~ThreadPool() {
    stop_.store(true, std::memory_order_release);
    generation_.fetch_add(1, std::memory_order_acq_rel);
    generation_.notify_all();
    for (auto& t : workers_)
        t.join();
}

void ThreadPool::split(int n, int ith, int nth, int& begin, int& end, int granule) {
    const int units = (n + granule - 1) / granule;
    const int per = units / nth, extra = units % nth;
    const int b = ith * per + std::min(ith, extra), e = b + per + (ith < extra ? 1 : 0);
    begin = std::min(n, b * granule);
    end = std::min(n, e * granule);
}

void ThreadPool::run(const std::function<void(int, int)>& job) {
    const int nth = size();
    if (nth == 1) {
        job(0, 1);
        return;
    }
    job_ = &job;
    pending_.store(nth - 1, std::memory_order_release);
    generation_.fetch_add(1, std::memory_order_acq_rel);
    generation_.notify_all();
    job(0, nth);
    spinThenWait(pending_, [](int v) { return v == 0; });
}

void ThreadPool::work(int ith) {
    uint32_t seen = 0;
    for (;;) {
        spinThenWait(generation_, [seen](uint32_t g) { return g != seen; });
        seen = generation_.load(std::memory_order_acquire);
        if (stop_.load(std::memory_order_acquire)) return;
        (*job_)(ith, size());
        if (pending_.fetch_sub(1, std::memory_order_acq_rel) == 1) pending_.notify_one();
    }
}

} // namespace sosoik::backend::cpu
