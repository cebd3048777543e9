#include "model/arch_common.h"

#include "sosoik/error.h"

namespace sosoik::model {
namespace {

[[noreturn]] void invalid(const std::string& msg) {
    throw Error(Error::Kind::InvalidModel, msg);
}

constexpr int kRequired = -1;

// fallback == kRequired: the key must be present.
int readInt(const gguf::File& f, const std::string& key, int fallback, int lo, int hi) {
    const gguf::Value* v = f.find(key);
    if (!v) {
        if (fallback != kRequired) return fallback;
        invalid("metadata " + key + " is missing");
    }
    if (v->asArray())
        throw Error(Error::Kind::Unsupported, "metadata " + key + ": per-layer values are not supported");
    const auto n = f.getInt(key);
    if (*n < lo || *n > hi)
        invalid("metadata " + key + ": " + std::to_string(*n) + " is out of range (" + std::to_string(lo) +
                ".." + std::to_string(hi) + ")");
    return static_cast<int>(*n);
}

std::string dimsText(const std::vector<uint64_t>& d) {
    std::string s = "[";
    for (size_t i = 0; i < d.size(); ++i)
        s += (i ? ", " : "") + std::to_string(d[i]);
    return s + "]";
}

Tensor checkTensor(const gguf::TensorInfo* t, const std::string& name, const std::vector<uint64_t>& dims) {
    if (t->dims != dims)
        invalid("tensor " + name + ": shape " + dimsText(t->dims) +
                " does not match the model's hyper-parameters " + "(expected " + dimsText(dims) + ")");
    const auto tr = gguf::traits(t->type);
    if (!tr.supported)
        throw Error(Error::Kind::Unsupported,
                    "tensor " + name + ": type " + std::string(tr.name) +
                        " is not supported (supported: " + gguf::supportedTypeNames() + ")");
    return t;
}

} // namespace

void readStandardHParams(const gguf::File& f, const std::string& arch, float defaultEps, HParams& hp) {
    const std::string p = arch + ".";
    hp.architecture = arch;
    hp.nEmbd = readInt(f, p + "embedding_length", kRequired, 1, 1 << 16);
    hp.nLayer = readInt(f, p + "block_count", kRequired, 1, 1024);
    hp.nHead = readInt(f, p + "attention.head_count", kRequired, 1, 1024);
    hp.nHeadKv = readInt(f, p + "attention.head_count_kv", hp.nHead, 1, hp.nHead);
    if (hp.nHead % hp.nHeadKv != 0)
        invalid("metadata " + p + "attention.head_count_kv: " + std::to_string(hp.nHeadKv) +
                " does not divide the head count " + std::to_string(hp.nHead));
    const int defaultHeadDim = hp.nEmbd % hp.nHead == 0 ? hp.nEmbd / hp.nHead : kRequired;
    hp.headDim = readInt(f, p + "attention.key_length", defaultHeadDim, 2, 1 << 12);
    if (hp.headDim % 2 != 0) invalid("metadata " + p + "attention.key_length: head size must be even");
    if (readInt(f, p + "attention.value_length", hp.headDim, 1, 1 << 12) != hp.headDim)
        throw Error(Error::Kind::Unsupported,
                    "metadata " + p + "attention.value_length differs from key_length");
    const int ropeDims = readInt(f, p + "rope.dimension_count", hp.headDim, 1, 1 << 12);
    if (ropeDims != hp.headDim)
        throw Error(Error::Kind::Unsupported,
                    "metadata " + p + "rope.dimension_count: partial rotary embeddings (" +
                        std::to_string(ropeDims) + " of " + std::to_string(hp.headDim) +
                        " dimensions) are not supported");
    hp.nFf = readInt(f, p + "feed_forward_length", kRequired, 1, 1 << 20);
    hp.nCtxTrain = readInt(f, p + "context_length", 2048, 1, 1 << 24);
    const double base = f.getFloat(p + "rope.freq_base").value_or(10000.0);
    if (!(base > 1.0 && base < 1e12))
        invalid("metadata " + p + "rope.freq_base: " + std::to_string(base) + " is out of range");
    hp.ropeFreqBase = static_cast<float>(base);
    const double eps = f.getFloat(p + "attention.layer_norm_rms_epsilon").value_or(defaultEps);
    if (!(eps > 0 && eps < 1)) invalid("metadata " + p + "attention.layer_norm_rms_epsilon is out of range");
    hp.rmsNormEps = static_cast<float>(eps);
    // The vocabulary defines n_vocab (llama.cpp does the same); token_embd must then match it.
    if (const gguf::Array* tokens = f.getArray("tokenizer.ggml.tokens")) {
        if (tokens->empty() || tokens->size() > (1u << 24))
            invalid("metadata tokenizer.ggml.tokens: invalid size");
        hp.nVocab = static_cast<int>(tokens->size());
    } else if (const gguf::TensorInfo* embd = f.tensor("token_embd.weight");
               embd && embd->dims.size() == 2 && embd->dims[1] < (1u << 24)) {
        hp.nVocab = static_cast<int>(embd->dims[1]);
    } else {
        invalid("the model has neither tokenizer.ggml.tokens nor a valid token_embd.weight");
    }
    if (auto scaling = f.getString(p + "rope.scaling.type"); scaling && *scaling != "none") {
        const double factor = f.getFloat(p + "rope.scaling.factor").value_or(1.0);
        if (*scaling == "linear" && factor >= 1.0 && factor <= 1024.0)
            hp.ropeFreqScale =
                static_cast<float>(1.0 / factor); // positions interpolated into the trained range
        else if (factor != 1.0)
            throw Error(Error::Kind::Unsupported, "metadata " + p + "rope.scaling.type: '" + *scaling +
                                                      "' rope scaling is not supported (linear is)");
    }
}

Tensor requireTensor(const gguf::File& f, const std::string& name, const std::vector<uint64_t>& dims) {
    const gguf::TensorInfo* t = f.tensor(name);
    if (!t) invalid("tensor " + name + " is missing");
    return checkTensor(t, name, dims);
}

Tensor optionalTensor(const gguf::File& f, const std::string& name, const std::vector<uint64_t>& dims) {
    const gguf::TensorInfo* t = f.tensor(name);
    return t ? checkTensor(t, name, dims) : nullptr;
}

void bindLlamaFamilyWeights(const gguf::File& f, const HParams& hp, Weights& w) {
    const uint64_t e = hp.nEmbd, ff = hp.nFf, vocab = hp.nVocab;
    const uint64_t q = uint64_t(hp.nHead) * hp.headDim, kv = uint64_t(hp.nHeadKv) * hp.headDim;
    w.tokenEmbd = requireTensor(f, "token_embd.weight", {e, vocab});
    w.outputNorm = requireTensor(f, "output_norm.weight", {e});
    w.output = optionalTensor(f, "output.weight", {e, vocab});
    if (!w.output) w.output = w.tokenEmbd;
    w.ropeFreqs = optionalTensor(f, "rope_freqs.weight", {uint64_t(hp.headDim / 2)});
    w.layers.assign(hp.nLayer, {});
    for (int l = 0; l < hp.nLayer; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        LayerWeights& L = w.layers[l];
        L.attnNorm = requireTensor(f, p + "attn_norm.weight", {e});
        // Some converters store q|k|v as one matrix (Phi-3): the fused form is used as is.
        L.wqkv = optionalTensor(f, p + "attn_qkv.weight", {e, q + 2 * kv});
        if (!L.wqkv) {
            L.wq = requireTensor(f, p + "attn_q.weight", {e, q});
            L.wk = requireTensor(f, p + "attn_k.weight", {e, kv});
            L.wv = requireTensor(f, p + "attn_v.weight", {e, kv});
        }
        if (hp.hasQkvBias) {
            L.bq = requireTensor(f, p + "attn_q.bias", {q});
            L.bk = requireTensor(f, p + "attn_k.bias", {kv});
            L.bv = requireTensor(f, p + "attn_v.bias", {kv});
        }
        if (hp.hasQkNorm) {
            L.qNorm = requireTensor(f, p + "attn_q_norm.weight", {uint64_t(hp.headDim)});
            L.kNorm = requireTensor(f, p + "attn_k_norm.weight", {uint64_t(hp.headDim)});
        }
        L.wo = requireTensor(f, p + "attn_output.weight", {q, e});
        L.ffnNorm = requireTensor(f, p + "ffn_norm.weight", {e});
        // Without ffn_gate, a 2·n_ff ffn_up holds gate|up (Phi-3).
        if (!f.tensor(p + "ffn_gate.weight") && f.tensor(p + "ffn_up.weight") &&
            f.tensor(p + "ffn_up.weight")->dims.size() == 2 &&
            f.tensor(p + "ffn_up.weight")->dims[1] == 2 * ff) {
            L.wGateUp = requireTensor(f, p + "ffn_up.weight", {e, 2 * ff});
        } else {
            L.wGate = requireTensor(f, p + "ffn_gate.weight", {e, ff});
            L.wUp = requireTensor(f, p + "ffn_up.weight", {e, ff});
        }
        L.wDown = requireTensor(f, p + "ffn_down.weight", {ff, e});
    }
}

} // namespace sosoik::model
