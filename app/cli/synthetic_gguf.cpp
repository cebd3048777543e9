#include "synthetic_gguf.h"

#include "gguf/gguf_writer.h"
#include "gguf/tensor_types.h"
#include "sosoik/error.h"

#include <cstddef>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

namespace sosoik::cli {
namespace {

struct TypeDesc {
    const char* name;
    uint32_t id, blockElements, blockBytes;
};
// Every type the engine computes with; sizes and ids from the engine's type table.
TypeDesc typeDesc(const std::string& name) {
    static const char* const kNames[] = {"F32",    "F16",  "BF16", "Q8_0", "Q4_0", "Q4_1", "Q5_0",  "Q5_1",
                                         "IQ4_NL", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "IQ4_XS"};
    for (const char* n : kNames) {
        if (name != n) continue;
        const auto t = *gguf::typeFromName(n);
        const auto tr = gguf::traits(t);
        return {n, static_cast<uint32_t>(t), tr.blockElements, tr.blockBytes};
    }
    throw Error(Error::Kind::InvalidArgument, "unknown weight type '" + name + "'");
}

// The mixes llama.cpp's quantizer writes for "Q4_K_M" / "Q5_K_M" (the files people download most), for a
// dense llama model (src/llama-quant.cpp, llama_tensor_get_type): the bulk in Q4_K / Q5_K; attn_v and
// ffn_down in Q6_K in the first and last eighth of the layers and every third layer between; the output
// (here the tied token_embd) in Q6_K; a tensor whose rows are not a multiple of 256 falls back to Q5_0 /
// Q5_1 / Q8_0 (the output straight to Q8_0). Empty for any other name.
struct Mix {
    std::string bulk;
};
std::optional<Mix> mixFor(const std::string& name) {
    if (name == "Q4_K_M") return Mix{"Q4_K"};
    if (name == "Q5_K_M") return Mix{"Q5_K"};
    return std::nullopt;
}
bool moreBits(int layer, int layers) { // llama.cpp's use_more_bits
    return layer < layers / 8 || layer >= 7 * layers / 8 || (layer - layers / 8) % 3 == 2;
}
// role: "output", "attn_v", "ffn_down" or another tensor's; layer -1 for the output.
std::string mixedType(const Mix& mix, const std::string& role, int layer, int layers, uint64_t cols) {
    const bool aligned = cols % 256 == 0;
    if (role == "output") return aligned ? "Q6_K" : "Q8_0";
    const bool more = (role == "attn_v" || role == "ffn_down") && moreBits(layer, layers);
    const std::string t = more ? "Q6_K" : mix.bulk;
    if (aligned) return t;
    return t == "Q6_K" ? "Q8_0" : t == "Q5_K" ? "Q5_1" : "Q5_0";
}

uint16_t toHalf(float f) { // inputs are small numbers, some below F16's smallest normal (6.1e-5)
    if (f == 0.f) return 0;
    const uint16_t sign = std::signbit(f) ? 0x8000 : 0;
    int e;
    const float m = std::frexp(std::fabs(f), &e);
    const int exp = e + 14;
    // Subnormal: multiples of 2^-24. Q6_K's d (5e-5) and IQ4_XS's (2e-5) are there; rounding them to 0 wrote
    // all-zero Q6_K / IQ4_XS tensors, so Q4_K_M files (Q6_K tied embedding) gave all-zero logits.
    if (exp <= 0) return static_cast<uint16_t>(sign | std::lround(std::ldexp(std::fabs(f), 24)));
    uint32_t mant = static_cast<uint32_t>(std::lround((m * 2 - 1) * 1024));
    return static_cast<uint16_t>(sign | ((mant == 1024 ? exp + 1 : exp) << 10) | (mant & 0x3FF));
}

// xorshift: a fast generator; the weights only need to look like noise.
struct Rng {
    uint64_t s = 0x9E3779B97F4A7C15ull;
    uint32_t next() {
        s ^= s << 13, s ^= s >> 7, s ^= s << 17;
        return static_cast<uint32_t>(s >> 16);
    }
    float uniform() { return static_cast<float>(next() & 0xFFFFFF) / float(0x1000000) * 2.f - 1.f; }
};

struct TensorSpec {
    std::string name;
    uint64_t cols, rows;
    const TypeDesc* type;
    bool ones; // norm weights
};

void putHalf(uint8_t* p, float v) {
    const uint16_t h = toHalf(v);
    std::memcpy(p, &h, 2);
}

// Block scales that keep weights around ±0.05 (noise-like activations, finite logits).
void randomScales(gguf::TensorType t, uint8_t* p, float jitter) {
    using gguf::TensorType;
    switch (t) {
    case TensorType::Q8_0:
        putHalf(p, 0.0004f * jitter);
        break;
    case TensorType::Q4_0:
    case TensorType::Q4_1:
        putHalf(p, 0.006f * jitter);
        if (t == TensorType::Q4_1) putHalf(p + 2, -0.045f);
        break;
    case TensorType::Q5_0:
    case TensorType::Q5_1:
        putHalf(p, 0.003f);
        if (t == TensorType::Q5_1) putHalf(p + 2, -0.045f);
        break;
    case TensorType::IQ4_NL:
        putHalf(p, 0.0004f);
        break;
    case TensorType::Q2_K:
        putHalf(p + offsetof(gguf::BlockQ2_K, d), 0.001f);
        putHalf(p + offsetof(gguf::BlockQ2_K, dmin), 0.001f);
        break;
    case TensorType::Q3_K:
        putHalf(p + offsetof(gguf::BlockQ3_K, d), 0.0004f);
        break;
    case TensorType::Q4_K:
    case TensorType::Q5_K:
        putHalf(p, t == TensorType::Q4_K ? 0.0002f : 0.0001f);
        putHalf(p + 2, 0.0001f);
        break;
    case TensorType::Q6_K:
        putHalf(p + offsetof(gguf::BlockQ6_K, d), 0.00005f);
        break;
    case TensorType::IQ4_XS:
        putHalf(p, 0.00002f);
        break;
    default:
        break;
    }
}

void randomBlocks(const TypeDesc& t, uint8_t* p, size_t blocks, Rng& rng) {
    for (size_t b = 0; b < blocks; ++b, p += t.blockBytes) {
        for (uint32_t i = 0; i < t.blockBytes; i += 4) {
            const uint32_t r = rng.next();
            std::memcpy(p + i, &r, std::min<uint32_t>(4, t.blockBytes - i));
        }
        uint16_t h;
        switch (t.id) {
        case 0: {
            const float v = rng.uniform() * 0.05f;
            std::memcpy(p, &v, 4);
            break;
        }
        case 1:
            h = toHalf(rng.uniform() * 0.05f), std::memcpy(p, &h, 2);
            break;
        case 30: {
            const float v = rng.uniform() * 0.05f;
            uint32_t bits;
            std::memcpy(&bits, &v, 4);
            h = static_cast<uint16_t>(bits >> 16), std::memcpy(p, &h, 2);
            break;
        }
        default:
            randomScales(static_cast<gguf::TensorType>(t.id), p, 1.5f + rng.uniform());
            break;
        }
    }
}

} // namespace

std::vector<std::string> syntheticShapeNames() {
    return {"stories15M", "stories110M", "smollm135M", "llama1B"};
}

SyntheticShape syntheticShape(const std::string& name) {
    if (name == "stories15M") return {name, 288, 6, 6, 6, 768, 32000, 10000.f, true};
    // Every row a multiple of 256, so the K-quant and IQ4_XS types run at a lavapipe-sized shape.
    if (name == "stories110M") return {name, 768, 12, 12, 12, 2048, 32000, 10000.f, true};
    if (name == "smollm135M") return {name, 576, 30, 9, 3, 1536, 49152, 100000.f, true};
    if (name == "llama1B") return {name, 2048, 16, 32, 8, 8192, 128256, 500000.f, true};
    throw Error(Error::Kind::InvalidArgument,
                "unknown synthetic model '" + name +
                    "' (choose stories15M, stories110M, smollm135M or llama1B)");
}

void writeSyntheticGguf(const SyntheticShape& s, const std::string& typeName, const std::string& path) {
    const uint64_t hd = s.nEmbd / s.nHead, e = s.nEmbd, q = s.nHead * hd, kv = s.nHeadKv * hd, ff = s.nFf;
    const std::optional<Mix> mix = mixFor(typeName);
    std::map<std::string, TypeDesc> types; // by name: the tensor specs point into it
    const auto type = [&](const std::string& name) -> const TypeDesc* {
        auto it = types.find(name);
        if (it == types.end()) it = types.emplace(name, typeDesc(name)).first;
        return &it->second;
    };
    if (!mix) {
        const TypeDesc* t = type(typeName);
        if (e % t->blockElements || ff % t->blockElements)
            throw Error(Error::Kind::InvalidArgument, typeName + " needs row lengths that are multiples of " +
                                                          std::to_string(t->blockElements));
    }
    // A matrix's type: the one asked for, or the mix's for this role, layer and row length.
    const auto matrix = [&](const std::string& role, int layer, uint64_t cols) {
        return type(mix ? mixedType(*mix, role, layer, s.nLayer, cols) : typeName);
    };
    const TypeDesc* f32 = type("F32");

    std::vector<TensorSpec> tensors = {{"token_embd.weight", e, uint64_t(s.nVocab),
                                        matrix(s.tiedOutput ? "output" : "token_embd", -1, e), false},
                                       {"output_norm.weight", e, 1, f32, true}};
    if (!s.tiedOutput)
        tensors.push_back({"output.weight", e, uint64_t(s.nVocab), matrix("output", -1, e), false});
    for (int l = 0; l < s.nLayer; ++l) {
        const std::string p = "blk." + std::to_string(l) + ".";
        tensors.push_back({p + "attn_norm.weight", e, 1, f32, true});
        tensors.push_back({p + "attn_q.weight", e, q, matrix("attn_q", l, e), false});
        tensors.push_back({p + "attn_k.weight", e, kv, matrix("attn_k", l, e), false});
        tensors.push_back({p + "attn_v.weight", e, kv, matrix("attn_v", l, e), false});
        tensors.push_back({p + "attn_output.weight", q, e, matrix("attn_output", l, q), false});
        tensors.push_back({p + "ffn_norm.weight", e, 1, f32, true});
        tensors.push_back({p + "ffn_gate.weight", e, ff, matrix("ffn_gate", l, e), false});
        tensors.push_back({p + "ffn_up.weight", e, ff, matrix("ffn_up", l, e), false});
        tensors.push_back({p + "ffn_down.weight", ff, e, matrix("ffn_down", l, ff), false});
    }

    gguf::GgufWriter w;
    const std::string a = "llama.";
    w.setString("general.architecture", "llama");
    w.setString("general.name", s.name + " (synthetic, random weights)");
    w.setU32(a + "context_length", 4096);
    w.setU32(a + "embedding_length", uint32_t(e));
    w.setU32(a + "block_count", uint32_t(s.nLayer));
    w.setU32(a + "feed_forward_length", uint32_t(ff));
    w.setU32(a + "attention.head_count", uint32_t(s.nHead));
    w.setU32(a + "attention.head_count_kv", uint32_t(s.nHeadKv));
    w.setF32(a + "rope.freq_base", s.ropeBase);
    w.setF32(a + "attention.layer_norm_rms_epsilon", 1e-5f);
    w.setU32(a + "rope.dimension_count", uint32_t(hd));
    // No vocabulary, as llama.cpp's loader reads one: tokenizer.ggml.model "none" makes it skip the
    // token list, and <arch>.vocab_size gives it that many placeholder tokens (llama-bench draws its
    // random prompt ids below it), so the same file runs under llama-bench and `sosoik-cli bench`.
    // Sosoik takes n_vocab from token_embd and reports the tokenizer as missing.
    w.setString("tokenizer.ggml.model", "none");
    w.setU32(a + "vocab_size", uint32_t(s.nVocab));
    auto rng = std::make_shared<Rng>(); // one stream over all tensors, in file order
    for (const auto& t : tensors) {
        const bool vector = t.rows == 1;
        std::vector<uint64_t> dims =
            vector ? std::vector<uint64_t>{t.cols} : std::vector<uint64_t>{t.cols, t.rows};
        if (t.ones) {
            w.addTensor(t.name, dims, gguf::TensorType::F32, std::vector<float>(t.cols * t.rows, 1.f));
            continue;
        }
        const TypeDesc desc = *t.type;
        w.addGeneratedTensor(t.name, dims, static_cast<gguf::TensorType>(desc.id),
                             [desc, rng](std::vector<uint8_t>& chunk) {
                                 randomBlocks(desc, chunk.data(), chunk.size() / desc.blockBytes, *rng);
                             });
    }
    const std::string tmp = path + ".partial";
    try {
        w.save(tmp);
    } catch (const std::exception& ex) {
        std::filesystem::remove(tmp);
        throw Error(Error::Kind::Io, ex.what());
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw Error(Error::Kind::Io, "cannot rename " + tmp + ": " + ec.message());
}

} // namespace sosoik::cli
