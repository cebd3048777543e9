#pragma once
// The reference backend's operations, one plain F32 function each. They define what every
// faster backend must compute: the Vulkan op tests compare each shader against these.
#include "gguf/gguf_file.h"
#include "model/hparams.h"

#include <cstdint>
#include <functional>

namespace sosoik::backend::reference {

// A weight matrix of `rows` rows, each `cols` elements of `type` stored contiguously
// (ggml dims {cols, rows}); rows are dequantized with gguf::dequantizeRow.
struct Matrix {
    gguf::TensorType type = gguf::TensorType::F32;
    const uint8_t* data = nullptr;
    int rows = 0;
    int cols = 0;
};
Matrix matrixOf(const gguf::TensorInfo& tensor); // dims {cols, rows} (a 1-D tensor is one row)

// y[r] = sum_c W[r][c] * x[c]. threads <= 1 runs on the calling thread.
void matvec(const Matrix& w, const float* x, float* y, int threads = 1);
// For n input vectors (x: n × cols, row-major) writes y: n × rows.
void matmul(const Matrix& w, const float* x, int n, float* y, int threads = 1);
// out = x / sqrt(mean(x^2) + eps) * weight (weight may be null: no scaling). out may alias x.
void rmsnorm(const float* x, const float* weight, int n, float eps, float* out);
// Rotates nHeads heads of headDim values in place for position pos. Pair i (0 <= i < headDim/2)
// is (x[2i], x[2i+1]) for Interleaved and (x[i], x[i + headDim/2]) for Neox; its angle is
// pos * freqBase^(-2i/headDim) / freqFactors[i] (freqFactors null: 1). pos may be fractional
// (linear RoPE scaling multiplies positions by 1 / factor).
// The rotated pairs are multiplied by attnFactor (Phi-3's LongRoPE magnitude scale; usually 1).
void rope(float* x, int nHeads, int headDim, float pos, float freqBase, model::RopeLayout layout,
          const float* freqFactors = nullptr, float attnFactor = 1.f);
// Score options: scale (0: 1/sqrt(headDim)) multiplies q·k; softCap > 0 maps scores through
// softCap·tanh(score/softCap) (Gemma 2); window > 0 limits a query at position p to the keys
// p - window + 1 .. p (sliding-window attention).
struct AttentionOptions {
    float scale = 0.f;
    float softCap = 0.f;
    int window = 0;
};
// One query (nHead × headDim) against cached positions [firstKey, nKeys); k and v are rows of
// nHeadKv × headDim from position 0. Query head h reads KV head h / (nHead / nHeadKv).
// Causality is the caller's choice of nKeys (= the query's position + 1).
void attention(const float* q, const float* k, const float* v, int nKeys, int nHead, int nHeadKv, int headDim,
               float* out, float scale = 0.f, float softCap = 0.f, int firstKey = 0);
// n queries at positions startPos.. (q: n rows qStride apart, 0: nHead·headDim); query t sees keys
// 0..startPos+t (the last `window` of them when options.window > 0).
void attentionCausal(const float* q, int n, int startPos, const float* k, const float* v, int nHead,
                     int nHeadKv, int headDim, float* out, int threads = 1,
                     const AttentionOptions& options = {}, int qStride = 0);
// out = silu(gate) * up, silu(x) = x / (1 + e^-x). out may alias gate or up.
void swiglu(const float* gate, const float* up, int n, float* out);
// out = gelu(gate) * up with the tanh approximation of GELU (Gemma's GeGLU). out may alias gate or up.
void geglu(const float* gate, const float* up, int n, float* out);
// x = cap · tanh(x / cap)
void softCap(float* x, int n, float cap);
void add(float* x, const float* y, int n); // x += y
// Dequantizes row `token` of an embedding table (cols = embedding size).
void embed(const Matrix& table, int32_t token, float* out);

// Runs fn(begin, end) over [0, n) split across up to `threads` threads (the caller's included).
void parallelFor(int n, int threads, const std::function<void(int, int)>& fn);

} // namespace sosoik::backend::reference
