#pragma once
// A persistent pool for the CPU backend: threads start once per backend, not once per op (the
// reference backend's std::thread per product costs ~20 µs each, more than a whole small op).
// Waits spin briefly, then sleep on the atomic (futex on Linux): the ops of one token follow each
// other within microseconds, but an idle app must not burn a core.
//
// Work is claimed, not assigned: a job's items are taken in chunks from a shared counter by the
// caller and by whichever workers join while it runs. On a busy machine a worker the OS has not
// scheduled yet simply finds nothing left, instead of holding up every op of every token (with a
// fixed split, each op would wait a whole time slice for a preempted thread).
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
    // fn(begin, end, ith) over [0, n) in chunks of `grain` items, claimed by the caller and the
    // workers that join; ith (< size(), unique per running thread) indexes per-thread scratch.
    // Returns when every item is done. fn must not throw.
    void parallelFor(int n, int grain, const std::function<void(int begin, int end, int ith)>& fn);

private:
    void run(const std::function<void(int ith)>& job);
    void work(int ith);

    std::vector<std::thread> workers_;
    std::atomic<const std::function<void(int)>*> job_{nullptr};
    std::atomic<uint32_t> generation_{0};
    std::atomic<bool> open_{false}; // the current job may still be joined
    std::atomic<int> active_{0};    // workers inside (or about to check) the current job
    std::atomic<bool> stop_{false};
};

} // namespace sosoik::backend::cpu
