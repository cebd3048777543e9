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

// About 2000 pauses (40-100 µs): longer than the gap between two ops of one token, far shorter
// than anything a user would notice as a busy core.
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

ThreadPool::ThreadPool(int threads) : shares_(size_t(std::max(1, threads))) {
    threads = std::max(1, threads);
    workers_.reserve(threads - 1);
    for (int i = 1; i < threads; ++i)
        workers_.emplace_back([this, i] { work(i); });
}

ThreadPool::~ThreadPool() {
    stop_.store(true);
    generation_.fetch_add(1);
    generation_.notify_all();
    for (auto& t : workers_)
        t.join();
}

void ThreadPool::parallelFor(int n, int grain, FunctionRef<void(int, int, int)> fn) {
    if (n <= 0) return;
    grain = std::max(1, grain);
    if (workers_.empty() || n <= grain) {
        fn(0, n, 0);
        return;
    }
    // Share i: chunks [i·chunks/T, (i+1)·chunks/T), claimed grain items at a time.
    const int threads = size(), chunks = (n + grain - 1) / grain;
    for (int i = 0; i < threads; ++i) {
        shares_[size_t(i)].next.store(int(int64_t(chunks) * i / threads) * grain, std::memory_order_relaxed);
        shares_[size_t(i)].end = std::min(n, int(int64_t(chunks) * (i + 1) / threads) * grain);
    }
    run([&](int ith) {
        for (int s = 0; s < threads; ++s) { // its own share, then the others'
            Share& share = shares_[size_t((ith + s) % threads)];
            for (int b = share.next.fetch_add(grain, std::memory_order_relaxed); b < share.end;
                 b = share.next.fetch_add(grain, std::memory_order_relaxed))
                fn(b, std::min(share.end, b + grain), ith);
        }
    });
}

// The caller publishes the job, runs it, closes it, and waits for the workers that entered. A
// worker counts itself in (active_) before it checks open_, both sequentially consistent, so
// either the caller sees it and waits, or it sees the job closed and stays out: no worker ever
// touches a job whose caller has returned.
void ThreadPool::run(FunctionRef<void(int)> job) {
    job_.store(&job);
    open_.store(true);
    generation_.fetch_add(1);
    generation_.notify_all();
    job(0);
    open_.store(false);
    spinThenWait(active_, [](int v) { return v == 0; });
}

void ThreadPool::work(int ith) {
    uint32_t seen = 0;
    for (;;) {
        spinThenWait(generation_, [seen](uint32_t g) { return g != seen; });
        seen = generation_.load();
        if (stop_.load()) return;
        active_.fetch_add(1);
        if (open_.load()) (*job_.load())(ith);
        if (active_.fetch_sub(1) == 1) active_.notify_all();
    }
}

} // namespace sosoik::backend::cpu
