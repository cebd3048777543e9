// Model::load and inspectModel: open + validate the GGUF, let the architecture unit bind the
// weights, build tokenizer and chat template, and pick a backend from the registry.
#include "model_loader.h"

#include "backend/backend_registry.h"
#include "chat/template_factory.h"
#include "model/architecture.h"
#include "tokenizer/tokenizer_factory.h"

#include <algorithm>
#include <map>

namespace sosoik {
namespace {

std::string fileName(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Fields that need only metadata and tensor infos (shared by load and inspect).
void fillInfo(const gguf::File& f, const model::HParams* hp, ModelInfo& info) {
    info.path = f.path();
    info.fileBytes = f.fileSize();
    info.name = f.getString("general.name").value_or(fileName(f.path()));
    info.architecture = f.getString("general.architecture").value_or("");
    if (hp) {
        info.contextLength = hp->nCtxTrain;
        info.embeddingLength = hp->nEmbd;
        info.blockCount = hp->nLayer;
        info.headCount = hp->nHead;
        info.headCountKv = hp->nHeadKv;
        info.feedForwardLength = hp->nFf;
        info.vocabSize = hp->nVocab;
        info.ropeFreqBase = hp->ropeFreqBase;
        info.rmsNormEps = hp->rmsNormEps;
    }
    info.tokenizerKind = f.getString("tokenizer.ggml.model").value_or("");
    info.hasChatTemplate = f.has("tokenizer.chat_template");
    std::map<std::string, uint64_t> elementsByType;
    info.parameterCount = 0;
    for (const auto& t : f.tensors()) {
        const std::string type(gguf::typeName(t.type));
        ++info.tensorTypeCounts[type];
        elementsByType[type] += t.elements();
        info.parameterCount += t.elements();
    }
    auto dominant = std::max_element(elementsByType.begin(), elementsByType.end(),
                                     [](auto& a, auto& b) { return a.second < b.second; });
    if (dominant != elementsByType.end()) info.dominantType = dominant->first;
}

// Recognized families by name; an unrecognized (or absent and undetectable) template is
// reported as "(fallback: chatml)" so front ends can show that it is a guess.
void fillChatTemplateFamily(const gguf::File& f, ModelInfo& info, const ChatTemplate* tmpl) {
    if (!tmpl) return;
    info.chatTemplateFamily = tmpl->isFallback() ? "(fallback: chatml)" : tmpl->family();
}

} // namespace

BackendKind parseBackendKind(const std::string& name) {
    if (name == "auto") return BackendKind::Auto;
    if (name == "vulkan") return BackendKind::Vulkan;
    if (name == "reference") return BackendKind::Reference;
    if (name == "cpu") return BackendKind::Cpu;
    throw Error(Error::Kind::InvalidArgument,
                "unknown backend '" + name + "' (expected auto, vulkan, cpu or reference)");
}

std::unique_ptr<LoadedModel> LoadedModel::open(const std::string& path, const LoadOptions& options) {
    auto m = std::unique_ptr<LoadedModel>(new LoadedModel());
    if (options.progress) options.progress(0.f);
    m->file_ = gguf::File::open(path);
    const auto& arch = model::architectureOf(*m->file_);
    arch.readHParams(*m->file_, m->hparams_);
    arch.bindWeights(*m->file_, m->hparams_, m->weights_);
    if (options.progress) options.progress(0.2f);
    // A model whose tokenizer the engine cannot build still runs on token ids; the error is
    // reported when text is needed.
    try {
        m->tokenizer_ = createTokenizer(*m->file_);
    } catch (const Error& e) {
        m->tokenizerError_ = e.what();
    }
    try {
        m->chatTemplate_ = createChatTemplate(*m->file_, m->hparams_.architecture);
    } catch (const Error& e) {
        m->chatTemplateError_ = e.what();
    }
    m->backend_ = backend::createBackend(m->hparams_, m->weights_, options, &m->info_.backendFallbackReason);
    fillInfo(*m->file_, &m->hparams_, m->info_);
    fillChatTemplateFamily(*m->file_, m->info_, m->chatTemplate_.get());
    m->info_.backendName = m->backend_->name();
    if (options.progress) options.progress(1.f);
    return m;
}

const Tokenizer& LoadedModel::tokenizer() const {
    if (!tokenizer_)
        throw Error(Error::Kind::Unsupported, "this model's tokenizer is not available: " + tokenizerError_);
    return *tokenizer_;
}

const ChatTemplate& LoadedModel::chatTemplate() const {
    if (!chatTemplate_)
        throw Error(Error::Kind::Unsupported,
                    "this model's chat template is not available: " + chatTemplateError_);
    return *chatTemplate_;
}

std::unique_ptr<Model> Model::load(const std::string& path, const LoadOptions& options) {
    return LoadedModel::open(path, options);
}

ModelInfo inspectModel(const std::string& path) {
    auto f = gguf::File::open(path);
    ModelInfo info;
    model::HParams hp;
    const auto* arch = model::findArchitecture(f->getString("general.architecture").value_or(""));
    if (arch) arch->readHParams(*f, hp);
    fillInfo(*f, arch ? &hp : nullptr, info);
    try {
        auto tmpl = createChatTemplate(*f, info.architecture);
        fillChatTemplateFamily(*f, info, tmpl.get());
    } catch (const Error&) {
    }
    return info;
}

} // namespace sosoik
