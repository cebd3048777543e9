#include "backend/cpu/matmul.h"

#include <algorithm>

namespace sosoik::backend::cpu {
namespace {

// Rows per chunk a thread takes at a time: enough work to amortize the atomic, small enough to
// balance two threads when one is preempted. A multiple of the 4-row token-step tile: 9- and 18-row
// chunks (stories15M's and SmolLM2's 288- and 576-row matrices, two threads) left one or two rows
// of every chunk to the slower one-row tile, without the next rows prefetched.
int chunkRows(int rows, int threads) {
    return std::clamp(rows / (threads * 16), 4, 64) / 4 * 4;
}

// From this many tokens on, prompt batches go through the pair-group kernels where the level has them:
// decoding a chunk's rows once costs about as much as 4 tokens' products with them.
constexpr int kMinGroupTokens = 8;
// Rows per chunk there: a multiple of the 4-row tile, at most 16, and at most ~128 KiB decoded (F32:
// 16 rows of SmolLM2-135M's widest matrix, k = 1536, are 96 KiB), so a chunk stays in L2 while every
// token of the batch passes.
int chunkRowsFor(int k) {
    return std::clamp(32768 / std::max(k, 1) / 4, 1, 4) * 4;
}

// Rows [begin, end) of tensors stacked along their rows (one global row index across them, as q|k|v or
// gate|up are multiplied in one pass): calls visit(tensor, its row's bytes, row − begin) for each.
template <class Visit>
void forStackedRows(std::span<const WeightMatrix> stacked, int begin, int end, Visit&& visit) {
    int first = 0; // global row index of tensor `which`'s row 0
    size_t which = 0;
    for (int r = begin; r < end; ++r) {
        while (r >= first + stacked[which].rows)
            first += stacked[which++].rows;
        const WeightMatrix& w = stacked[which];
        visit(w, w.data + w.rowBytes * size_t(r - first), r - begin);
    }
}

int rowsOf(std::span<const WeightMatrix> stacked) {
    int rows = 0;
    for (const auto& w : stacked)
        rows += w.rows;
    return rows;
}

// The prompt paths' split of `rows` rows: the pool's threads claim `chunk`-row ranges, and a range is walked
// chunk by chunk (a pool of one thread gets the whole range in one call), so fn(begin, end, thread) always
// sees at most `chunk` rows: what fits the thread's decode buffer.
template <class Fn> void forChunks(ThreadPool& pool, int rows, int chunk, Fn&& fn) {
    pool.parallelFor(rows, chunk, [&](int from, int to, int ith) {
        for (int begin = from; begin < to; begin += chunk)
            fn(begin, std::min(to, begin + chunk), ith);
    });
}

// One activation row's 16-bit blocks as pair groups (kernels.h).
void toGroups(int k, const ActQ16* blocks, ActQ16Group* out) {
    const int nb = k / 32;
    for (int g = 0; 2 * g < nb; ++g) {
        ActQ16Group& o = out[g];
        for (int half = 0; half < 2; ++half) {
            const int b = 2 * g + half;
            const ActQ16* a = b < nb ? &blocks[b] : nullptr;
            for (int i = 0; i < 4; ++i)
                for (int j = 0; j < 8; ++j)
                    o.qs[16 * i + 8 * half + j] = a ? a->qs[8 * i + j] : int16_t(0);
            const float d = a ? a->d : 0.f;
            for (int i = 0; i < 4; ++i)
                o.d[4 * half + i] = d;
            o.dSum[4 * half] = a ? d * static_cast<float>(a->sumLow) : 0.f;
            o.dSum[4 * half + 1] = a ? d * static_cast<float>(a->sum - a->sumLow) : 0.f;
            o.dSum[4 * half + 2] = o.dSum[4 * half + 3] = 0.f;
        }
    }
}

} // namespace

WeightMatrix weightMatrix(const gguf::TensorInfo& t) {
    WeightMatrix m;
    m.type = t.type;
    m.data = t.data;
    m.cols = static_cast<int>(t.dims[0]);
    m.rows = static_cast<int>(t.elements() / t.dims[0]);
    m.rowBytes = gguf::rowBytes(t.type, static_cast<size_t>(m.cols));
    return m;
}

// Float weights in prompt batches: each chunk's rows converted to F32 once, for every token.
void MatMul::runFloats(std::span<const WeightMatrix> stacked, const float* x, int n, size_t xStride, float* y,
                       size_t yStride) {
    const int k = stacked[0].cols, chunk = chunkRowsFor(k);
    forChunks(pool_, rowsOf(stacked), chunk, [&](int begin, int end, int ith) {
        std::vector<float>& buffer = rowBuffer_[ith];
        buffer.resize(size_t(chunk) * k);
        forStackedRows(stacked, begin, end, [&](const WeightMatrix& w, const uint8_t* row, int i) {
            kernels_.forType(w.type).toF32(k, row, buffer.data() + size_t(i) * k);
        });
        kernels_.floatTile(k, buffer.data(), end - begin, x, xStride, n, y + begin, yStride);
    });
}

MatMul::MatMul(const Kernels& kernels, ThreadPool& pool, bool int8Prompts)
    : kernels_(kernels), pool_(pool), int8Prompts_(chosenPromptInt8(int8Prompts)),
      rowBuffer_(static_cast<size_t>(pool.size())), groupBuffer_(static_cast<size_t>(pool.size())),
      q8Buffer_(static_cast<size_t>(pool.size())) {}

void MatMul::runInt8(std::span<const WeightMatrix> stacked, const float* x, int n, size_t xStride, float* y,
                     size_t yStride) {
    const int k = stacked[0].cols, blocks = k / 32, panels = (n + 7) / 8;
    actPanels_.resize(size_t(panels) * blocks);
    if (n % 8 != 0) // the last panel's unused lanes: zero activations (their outputs are not stored)
        std::fill(actPanels_.end() - blocks, actPanels_.end(), ActQ8Panel{});
    for (int t = 0; t < n; ++t)
        kernels_.quantizeQ8(k, x + t * xStride, actPanels_.data() + size_t(t / 8) * blocks, t % 8);
    const int chunk = chunkRowsFor(k);
    forChunks(pool_, rowsOf(stacked), chunk, [&](int begin, int end, int ith) {
        std::vector<Q8Block>& buffer = q8Buffer_[ith];
        buffer.resize(size_t(chunk) * blocks);
        bool wide = false;
        forStackedRows(stacked, begin, end, [&](const WeightMatrix& w, const uint8_t* row, int i) {
            const TypeKernel& tk = kernels_.forType(w.type);
            tk.decodeQ8(k, row, buffer.data() + size_t(i) * blocks);
            wide |= tk.wideQ8;
        });
        kernels_.q8Tile(blocks, buffer.data(), end - begin, actPanels_.data(), n, wide, y + begin, yStride);
    });
}

void MatMul::runGroups(std::span<const WeightMatrix> stacked, const float* x, int n, size_t xStride, float* y,
                       size_t yStride) {
    const int k = stacked[0].cols, groups = q16Groups(k);
    std::vector<ActQ16> blocks(size_t(k / 32));
    actGroups_.resize(size_t(n) * groups);
    for (int t = 0; t < n; ++t) {
        kernels_.quantizeQ16(k, x + t * xStride, blocks.data());
        toGroups(k, blocks.data(), actGroups_.data() + size_t(t) * groups);
    }
    const int chunk = chunkRowsFor(k);
    forChunks(pool_, rowsOf(stacked), chunk, [&](int begin, int end, int ith) {
        std::vector<Q16Group>& buffer = groupBuffer_[ith];
        buffer.resize(size_t(chunk) * groups);
        bool mins = false;
        forStackedRows(stacked, begin, end, [&](const WeightMatrix& w, const uint8_t* row, int i) {
            const TypeKernel& tk = kernels_.forType(w.type);
            tk.decodeGroups(k, row, buffer.data() + size_t(i) * groups);
            mins |= tk.mins;
        });
        kernels_.groupTile(groups, buffer.data(), end - begin, actGroups_.data(), n, mins, y + begin,
                           yStride);
    });
}

void MatMul::run(std::span<const WeightMatrix> stacked, const float* x, int n, size_t xStride, float* y,
                 size_t yStride) {
    if (stacked.empty() || n <= 0) return;
    const int k = stacked[0].cols;
    if (kernels_.q8Tile != nullptr && n >= kMinInt8Tokens && int8Prompts_) {
        const auto has8 = [&](const WeightMatrix& w) { return kernels_.forType(w.type).decodeQ8 != nullptr; };
        const size_t with8 = size_t(std::count_if(stacked.begin(), stacked.end(), has8));
        if (with8 == stacked.size()) return runInt8(stacked, x, n, xStride, y, yStride);
        if (with8 > 0) {
            // Mixed stacks (a Q4_K_M file's q|k|v with a Q6_K v): each run of tensors of one kind through its
            // own path, into its own rows of y, so the 8-bit ones keep their speed.
            for (size_t i = 0, row = 0; i < stacked.size();) {
                size_t j = i + 1, rows = size_t(stacked[i].rows);
                for (; j < stacked.size() && has8(stacked[j]) == has8(stacked[i]); ++j)
                    rows += size_t(stacked[j].rows);
                run(stacked.subspan(i, j - i), x, n, xStride, y + row, yStride);
                i = j, row += rows;
            }
            return;
        }
    }
    bool grouped =
        kernels_.groupTile != nullptr && n >= kMinGroupTokens && chosenPromptMath(n) == PromptMath::Int;
    for (const auto& w : stacked)
        grouped &= kernels_.forType(w.type).decodeGroups != nullptr;
    if (grouped) return runGroups(stacked, x, n, xStride, y, yStride);
    bool floats = kernels_.floatTile != nullptr && n >= kMinGroupTokens;
    for (const auto& w : stacked)
        floats &= kernels_.forType(w.type).toF32 != nullptr;
    if (floats) return runFloats(stacked, x, n, xStride, y, yStride);
    // The activations as 16-bit blocks, once, when some stacked tensor reads them.
    bool needQ16 = false;
    for (const auto& w : stacked)
        needQ16 |= kernels_.forType(w.type).format == ActFormat::Q16;
    const size_t q16Bytes = activationRowBytes(ActFormat::Q16, k);
    if (needQ16) {
        q16_.resize(q16Bytes * n);
        for (int t = 0; t < n; ++t)
            quantizeRowQ16(kernels_, k, x + t * xStride, q16_.data() + t * q16Bytes);
    }

    const int totalRows = rowsOf(stacked);
    pool_.parallelFor(totalRows, chunkRows(totalRows, pool_.size()), [&](int begin, int end, int ith) {
        std::vector<float>& buffer = rowBuffer_[ith];
        buffer.resize(size_t(k) + size_t(n));
        float* row = buffer.data();
        float* out = buffer.data() + k;
        int first = 0; // global row index of tensor `which`'s row 0
        size_t which = 0;
        for (int r = begin; r < end;) {
            while (r >= first + stacked[which].rows)
                first += stacked[which++].rows;
            const WeightMatrix& w = stacked[which];
            const uint8_t* wrow = w.data + w.rowBytes * size_t(r - first);
            const TypeKernel& tk = kernels_.forType(w.type);
            const void* act = tk.format == ActFormat::Q16 ? static_cast<const void*>(q16_.data()) : x;
            const size_t actStride = tk.format == ActFormat::Q16 ? q16Bytes : xStride * sizeof(float);
            if (tk.tile) { // the rest of the chunk that lies in this tensor, straight into y
                const int segment = std::min(end, first + w.rows) - r;
                tk.tile(k, wrow, w.rowBytes, segment, act, actStride, n, y + r, yStride);
                r += segment;
                continue;
            }
            const bool reuseFloatRow = tk.dot == nullptr || (n >= 4 && w.type == gguf::TensorType::F16 &&
                                                             kernels_.isa == Isa::Scalar);
            if (!reuseFloatRow) {
                tk.dot(k, wrow, act, actStride, n, out);
            } else {
                // Types without a kernel, and F16 rows that a batch reuses: convert the row once.
                if (w.type == gguf::TensorType::F16)
                    kernels_.fromF16(k, reinterpret_cast<const uint16_t*>(wrow), row);
                else
                    gguf::dequantizeRow(w.type, wrow, row, size_t(k));
                for (int t = 0; t < n; ++t)
                    out[t] = kernels_.dotF32(k, row, x + t * xStride);
            }
            for (int t = 0; t < n; ++t)
                y[t * yStride + r] = out[t];
            ++r;
        }
    });
}

} // namespace sosoik::backend::cpu
