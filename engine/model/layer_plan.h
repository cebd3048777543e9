#pragma once
// The layer plan: the op sequence of one forward pass, emitted once per model by its architecture
// unit (arch_*.cpp), with the weights each op reads. Backends execute the plan with their own
// kernels; the architecture never says how.
//
// How a backend executes a plan (reference/reference_backend.cpp is the plain version):
//  - Activations live in a few row buffers (Buf), one row per token being evaluated; widths are
//    in planBufferWidth(). Ops read and write them in order; nothing else carries state between
//    ops except the KV cache, which Attention ops write and read (one cache per `layer`).
//  - ops[0, outputBegin) run on every token of the batch. ops[outputBegin, end) compute logits
//    from Buf::X; backends run them only on the rows whose logits are wanted and skip them when
//    none are (a prompt chunk that only fills the cache).
//  - Op::layer says which transformer block an op belongs to (-1: embedding or output head);
//    backends check cancellation where it changes.
//  - Fusion is the backend's business: it may pattern-match consecutive ops (RmsNorm feeding a
//    MatMul, MatMul followed by Add into X, AddBias/Rope feeding Attention, Glu feeding MatMul)
//    and record one kernel for several, as long as the result is the same math. A backend that
//    cannot run some op or combination throws Error(Unsupported) when it is created.
//  - Weights are the mapped GGUF tensors (model/weights.h); a MatMul's `weights` are stacked by
//    rows (q|k|v, gate|up), each tensor with ggml dims {in width, rows}.
#include "model/hparams.h"
#include "model/weights.h"

#include <string>
#include <vector>

namespace sosoik::model {

// Activation row buffers (width per token in parentheses).
enum class Buf {
    X,      // residual stream (nEmbd)
    Norm,   // a normalised copy of X, a projection's input (nEmbd)
    Qkv,    // q | k | v before RoPE ((nHead + 2·nHeadKv)·headDim)
    Att,    // attention output, all query heads ((nHead·headDim)
    Proj,   // a projection's output before it joins the residual (nEmbd)
    GateUp, // gate | up (2·nFf)
    Act,    // activated FFN hidden state (nFf)
    Logits, // output-head rows only (nVocab)
};
constexpr int kBufCount = 8;

enum class OpKind {
    Embed,       // out = rows of weights[0] (the embedding table) for the tokens, × scale
    RmsNorm,     // out = in / rms(in) · weights[0]   (over the buffer's width; out may be in)
    MatMul,      // out = W · in, W = weights stacked by rows
    AddBias,     // out += weights stacked (q|k|v biases)
    HeadRmsNorm, // Qkv in place: each query head · weights[0], each key head · weights[1] (headDim wide)
    Rope,        // Qkv in place: rotate the query and key heads at the tokens' positions (rope)
    Attention, // Att = softmax(q·kᵀ·scale (soft-capped) , causal, window) · v; first stores this batch's
               // k and v rows of Qkv into the layer's cache
    Glu,       // Act = act(gate) · up, gate|up read from GateUp
    Add,       // out += in
    SoftCap,   // out = scale · tanh(out / scale)
};

enum class Activation { Silu, GeluTanh };

struct RopeSpec {
    float freqBase = 10000.f;
    float freqScale = 1.f;  // positions × freqScale (linear scaling)
    float attnFactor = 1.f; // rotated values × attnFactor (LongRoPE magnitude)
    RopeLayout layout = RopeLayout::Interleaved;
    Tensor factors = nullptr; // headDim/2 frequency divisors (rope_freqs), optional
};

struct AttentionSpec {
    float scale = 1.f;   // applied to q·k
    float softCap = 0.f; // > 0: scores = softCap · tanh(scores / softCap) (Gemma 2)
    int window = 0;      // > 0: a query at position p sees keys p - window + 1 .. p (sliding window)
};

struct Op {
    OpKind kind;
    Buf in = Buf::X, out = Buf::X;
    int layer = -1;
    std::vector<Tensor> weights;
    float eps = 0.f;   // RmsNorm, HeadRmsNorm
    float scale = 1.f; // Embed (multiplier), SoftCap (cap)
    Activation activation = Activation::Silu;
    RopeSpec rope;
    AttentionSpec attention;
};

struct LayerPlan {
    HParams hp;
    std::vector<Op> ops;
    size_t outputBegin = 0;
    // The largest attention window any layer uses (0: every layer sees the whole context).
    int maxWindow() const;
    // Whether some layer attends to the whole context (no window).
    bool hasGlobalLayer() const;
};

// Width in floats of one row of b for the model hp.
int planBufferWidth(const HParams& hp, Buf b);
const char* opName(OpKind kind);

// The plan of the architecture named by hp.architecture (throws Error(Unsupported) for an unknown
// one); backends call this once when they are created.
LayerPlan planFor(const HParams& hp, const Weights& w);

// Building blocks architecture units combine (layer_plan.cpp).
class PlanBuilder {
public:
    explicit PlanBuilder(const HParams& hp) { plan_.hp = hp; }
    PlanBuilder& layer(int l) {
        layer_ = l;
        return *this;
    }
    void embed(Tensor table, float scale = 1.f);
    void rmsNorm(Buf in, Buf out, Tensor weight);
    void matMul(Buf in, Buf out, std::vector<Tensor> stacked);
    void addBias(Buf out, std::vector<Tensor> stacked);
    void headRmsNorm(Tensor qWeight, Tensor kWeight);
    void rope(const RopeSpec& spec);
    void attention(const AttentionSpec& spec);
    void glu(Activation act);
    void add(Buf in, Buf out);
    void softCap(Buf out, float cap);
    // The logits head starts here (see LayerPlan::outputBegin).
    void beginOutput();
    LayerPlan take() { return std::move(plan_); }

private:
    Op& push(OpKind kind);
    LayerPlan plan_;
    int layer_ = -1;
};

// The llama layout most units share: pre-norm attention (q|k|v, optional biases and per-head
// q/k norms, RoPE from hp, hp.slidingWindow on every layer), pre-norm SwiGLU FFN, final norm and
// output matrix.
LayerPlan llamaFamilyPlan(const HParams& hp, const Weights& w);

// The Gemma 2/3 layout: embeddings × sqrt(nEmbd); per layer attn_norm, q|k|v, optional per-head
// q/k norms, rope[l] (may differ per layer), attention[l], post-attention norm into the residual,
// ffn_norm, GeGLU, post-FFN norm into the residual; final norm, output, optional logit soft-cap.
LayerPlan gemmaPlan(const HParams& hp, const Weights& w, const std::vector<AttentionSpec>& attention,
                    const std::vector<RopeSpec>& rope);

} // namespace sosoik::model
