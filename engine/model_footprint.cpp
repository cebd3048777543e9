// modelFootprint: the same numbers the backends use when they allocate (the Vulkan backend refuses a
// model whose estimate exceeds free device memory; see VulkanBackend::estimateBytes), computed from
// the header so that a model page can say "fits" before anything is loaded.
#include "sosoik/footprint.h"

#include "backend/backend_registry.h"
#include "backend/vulkan/device_weights.h"
#include "backend/vulkan/vulkan_backend_impl.h"
#include "gguf/gguf_file.h"
#include "model/architecture.h"

#include <set>

namespace sosoik {
namespace {

std::string joined(const std::set<std::string>& names) {
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

// Which tensor types no backend of this build computes with ("" when every type runs somewhere).
std::string typesNoBackendRuns(const gguf::File& f, BackendKind backend) {
    std::set<std::string> missing;
    for (const auto& t : f.tensors()) {
        bool runs = false;
        for (const auto& e : backend::backendRegistry())
            if ((backend == BackendKind::Auto || e.kind == backend) &&
                backend::backendRunsType(e.kind, t.type))
                runs = true;
        if (!runs) missing.insert(std::string(gguf::typeName(t.type)));
    }
    return joined(missing);
}

// general.languages, GGUF's standard key; a malformed value is ignored (it only decorates a list).
std::vector<std::string> languagesOf(const gguf::File& f) {
    std::vector<std::string> out;
    try {
        if (const gguf::Array* list = f.getArray("general.languages"))
            for (const auto& v : *list)
                if (const std::string* s = v.asString();
                    s && !s->empty() && s->size() <= 16 && out.size() < 32)
                    out.push_back(*s);
    } catch (const Error&) {
    }
    return out;
}

} // namespace

ModelFootprint modelFootprint(const std::string& path, BackendKind backend) {
    auto f = gguf::File::open(path);
    ModelFootprint fp;
    fp.languages = languagesOf(*f);
    const std::string archName = f->getString("general.architecture").value_or("");
    const auto* arch = model::findArchitecture(archName);
    if (!arch) {
        fp.unsupportedReason = archName.empty() ? "the file names no architecture (general.architecture)"
                                                : "the architecture '" + archName +
                                                      "' is not supported by this version of Sosoik";
        return fp;
    }
    model::HParams hp;
    model::Weights w;
    try {
        arch->readHParams(*f, hp);
        arch->bindWeights(*f, hp, w);
    } catch (const Error& e) {
        // A file of a known architecture whose tensors or keys do not match it (a projector, a
        // split part, a different variant) cannot run; say what the unit found.
        fp.unsupportedReason = e.what();
        return fp;
    }
    if (const std::string types = typesNoBackendRuns(*f, backend); !types.empty()) {
        fp.unsupportedReason = "its tensor type " + types + " is not supported by this version of Sosoik";
        return fp;
    }
    fp.trainedContext = hp.nCtxTrain;
    const uint64_t kvPerToken = 2ull * hp.nLayer * hp.nHeadKv * uint64_t(hp.headDim);
    if (backend == BackendKind::Reference) {
        uint64_t tensorBytes = 0;
        for (const auto& t : f->tensors())
            tensorBytes += t.bytes;
        fp.weightBytes = tensorBytes;
        fp.kvBytesPerToken = kvPerToken * 4;
        // Activation rows of one prompt chunk and the full logits, in f32.
        fp.fixedBytes =
            (uint64_t(hp.nEmbd) * 4 + uint64_t(hp.nFf) * 3) * 512 * 4 + uint64_t(hp.nVocab) * 4 * 2;
        return fp;
    }
    const model::LayerPlan plan = model::planFor(hp, w);
    // Buffer splitting only pads; 4 GiB is what desktop drivers bind.
    const uint64_t maxBuffer = 1ull << 32;
    fp.weightBytes = vk::deviceWeightBytes(plan, maxBuffer);
    fp.fixedBytes = vk::VulkanBackend::estimateBytes(plan, 0, maxBuffer) - fp.weightBytes;
    // f16 K and V, plus the attention's per-256-token partial results spread over their tokens.
    fp.kvBytesPerToken = kvPerToken * 2 + (uint64_t(hp.nHead) * (hp.headDim + 2) * 4 + 255) / 256;
    return fp;
}

} // namespace sosoik
