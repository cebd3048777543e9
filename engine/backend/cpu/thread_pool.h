#pragma once
// A persistent pool for the CPU backend: threads start once per backend, not once per op (the
// reference backend's std::thread per product costs ~20 µs each, more than a whole small op).
// Waits spin briefly, then sleep on the atomic (futex on Linux): the ops of one token follow each
// other within microseconds, but an idle app must not burn a core.
//
// Work is claimed, not assigned: each thread takes its job's chunks from its own share first (a
// counter on its own cache line), then takes what is left of the other shares. On a busy machine a
// worker the OS has not scheduled yet simply finds nothing left, instead of holding up every op of
// every token (with a fixed split, each op would wait a whole time slice for a preempted thread).
// One shared counter for every chunk cost a cache-line transfer per chunk: stories15M's products
// have 36 chunks of ~0.1-0.2 µs each, about what a contended fetch_add costs across Zen 2 cores.
#include <atomic>
#include <cstdint>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace sosoik::backend::cpu {

// A non-owning reference to a callable, for the pool's jobs: std::function allocated on the heap for
// every capture list over 16 bytes, twice per op (the caller's lambda and the pool's wrapper).
template <class Signature> class FunctionRef;
template <class R, class... Args> class FunctionRef<R(Args...)> {
public:
    template <class F>
    requires(!std::is_same_v<F, FunctionRef>)
        FunctionRef(const F& f) // NOLINT: converts from any callable, as std::function does
        : object_(&f), call_([](const void* o, Args... args) -> R {
              return (*static_cast<const F*>(o))(std::forward<Args>(args)...);
          }) {}
    R operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

private:
    const void* object_;
    R (*call_)(const void*, Args...);
};

class ThreadPool {
public:
    explicit ThreadPool(int threads); // total threads, the caller's included (>= 1)
    ~ThreadPool();
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    int size() const { return static_cast<int>(workers_.size()) + 1; }
    // fn(begin, end, ith) over [0, n) in chunks of `grain` items, claimed by the caller and the
    // workers that join; ith (< size(), unique per running thread) indexes per-thread scratch.
    // Returns when every item is done. fn must not throw.
    void parallelFor(int n, int grain, FunctionRef<void(int begin, int end, int ith)> fn);

private:
    void run(FunctionRef<void(int ith)> job);
    void work(int ith);

    // The current parallelFor's chunk counters, one per thread's share, each on its own cache line.
    struct alignas(64) Share {
        std::atomic<int> next{0};
        int end = 0;
    };
    std::vector<Share> shares_;
    std::vector<std::thread> workers_;
    std::atomic<const FunctionRef<void(int)>*> job_{nullptr};
    std::atomic<uint32_t> generation_{0};
    std::atomic<bool> open_{false}; // the current job may still be joined
    std::atomic<int> active_{0};    // workers inside (or about to check) the current job
    std::atomic<bool> stop_{false};
};

} // namespace sosoik::backend::cpu
