#pragma once
// A persistent pool for the CPU backend: threads start once per backend, not once per op (the
// reference backend's std::thread per product costs ~20 µs each, more than a whole small op).
// Waits spin briefly, then sleep on the atomic (futex on Linux): the ops of one token follow each
// other within microseconds, but an idle app must not burn a core.
#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

namespace sosoik::backend::cpu {

class ThreadPool {
public:
    explicit ThreadPool(int threads); // total threads, the caller's included (>= 1)
    ~ThreadPool();
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    int size() const { return static_cast<int>(workers_.size()) + 1; }
    // Runs job(ith, nth) on every thread (the caller is ith 0) and returns when all are done.
    // job must not throw.
    void run(const std::function<void(int ith, int nth)>& job);

    // [begin, end) of thread ith's share of n items, in whole multiples of `granule`.
    static void split(int n, int ith, int nth, int& begin, int& end, int granule = 1);

private:
    void work(int ith);

    std::vector<std::thread> workers_;
    const std::function<void(int, int)>* job_ = nullptr;
    std::atomic<uint32_t> generation_{0};
    std::atomic<int> pending_{0};
    std::atomic<bool> stop_{false};
};

} // namespace sosoik::backend::cpu
