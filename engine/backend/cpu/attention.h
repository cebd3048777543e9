#pragma once
// Causal attention over the CPU backend's F16 KV cache, one pass over the keys with an online
// softmax (scores in blocks of 64: the running maximum and sum are rescaled once per block, so the
// work is one q·k and one axpy per key and nothing the size of the context is stored).
#include "backend/cpu/kernels.h"
#include "backend/cpu/thread_pool.h"

namespace sosoik::backend::cpu {

struct AttentionShape {
    int nHead = 0, nHeadKv = 0, headDim = 0;
    float scale = 1.f;   // applied to q·k
    float softCap = 0.f; // > 0: scores = softCap · tanh(scores / softCap)
    int window = 0;      // > 0: a query at position p sees keys p − window + 1 .. p
};

// Queries t < n (rows of q, qStride floats apart, nHead·headDim wide) at positions startPos + t;
// k and v: the layer's cache rows (nHeadKv·headDim halves each) from position 0. Writes out
// (n rows of nHead·headDim floats). Query head h reads KV head h / (nHead / nHeadKv).
void attention(const Kernels& kernels, ThreadPool& pool, const AttentionShape& shape, const float* q,
               size_t qStride, int n, int startPos, const uint16_t* k, const uint16_t* v, float* out);

} // namespace sosoik::backend::cpu
