#include "inference/sosoik_backend.h"

#include "sosoik/sosoik.h"

#include <QFileInfo>
#include <QMutexLocker>
#include <QVariantMap>

namespace sosoik::app {
namespace {

ModelDetails toDetails(const sosoik::ModelInfo& info) {
    ModelDetails d;
    d.path = QString::fromStdString(info.path);
    d.name = QString::fromStdString(info.name);
    if (d.name.isEmpty()) d.name = QFileInfo(d.path).completeBaseName();
    d.architecture = QString::fromStdString(info.architecture);
    d.quantization = QString::fromStdString(info.dominantType);
    d.backendName = QString::fromStdString(info.backendName);
    d.chatTemplate = QString::fromStdString(info.chatTemplateFamily);
    d.fileBytes = qint64(info.fileBytes);
    d.parameterCount = qint64(info.parameterCount);
    d.trainedContext = info.contextLength;
    return d;
}

} // namespace

SosoikBackend::SosoikBackend() = default;

SosoikBackend::~SosoikBackend() {
    // The session refers to the model: it must go first.
    session_.reset();
    model_.reset();
}

QVariantList SosoikBackend::listDevices() {
    QVariantList out;
    for (const auto& d : sosoik::listDevices())
        out.append(QVariantMap{{QStringLiteral("index"), d.index},
                               {QStringLiteral("name"), QString::fromStdString(d.name)},
                               {QStringLiteral("type"), QString::fromStdString(d.type)}});
    // The native CPU backend is always there (type "native-cpu", no Vulkan index).
    const sosoik::CpuDeviceInfo cpu = sosoik::cpuDevice();
    out.append(QVariantMap{{QStringLiteral("index"), -1},
                           {QStringLiteral("name"), QStringLiteral("CPU")},
                           {QStringLiteral("type"), QStringLiteral("native-cpu")},
                           {QStringLiteral("threads"), cpu.threads},
                           {QStringLiteral("isa"), QString::fromStdString(cpu.isa)}});
    return out;
}

ModelDetails SosoikBackend::inspect(const QString& path) {
    return toDetails(sosoik::inspectModel(path.toStdString()));
}

sosoik::LoadOptions SosoikBackend::loadOptions(const LoadRequest& request) {
    sosoik::LoadOptions options;
    options.backend = sosoik::parseBackendKind(request.backend.toStdString());
    options.device = request.device;
    options.threads = request.threads;
    options.cpuFastPrompts = request.cpuFastPrompts;
    return options;
}

ModelDetails SosoikBackend::load(const LoadRequest& request, const std::function<void(float)>& progress) {
    sosoik::LoadOptions options = loadOptions(request);
    options.progress = progress;
    {
        // Free the old model first: two models may not fit in memory together.
        QMutexLocker lock(&sessionMutex_);
        session_.reset();
    }
    model_.reset();
    model_ = sosoik::Model::load(request.path.toStdString(), options);
    return toDetails(model_->info());
}

void SosoikBackend::unload() {
    {
        QMutexLocker lock(&sessionMutex_);
        session_.reset();
    }
    model_.reset();
}

std::vector<int32_t> SosoikBackend::renderChat(const std::vector<sosoik::ChatMessage>& messages) const {
    return sosoik::renderTokens(model_->chatTemplate(), model_->tokenizer(), messages, true);
}

int SosoikBackend::countTokens(const std::string& text) const {
    return int(model_->tokenizer().encode(text, false).size());
}

std::vector<int32_t> SosoikBackend::renderText(const std::string& text) const {
    const sosoik::Tokenizer& tokenizer = model_->tokenizer();
    std::vector<int32_t> tokens = tokenizer.encode(text, tokenizer.addBosByDefault());
    if (tokens.empty() && tokenizer.bos() >= 0) tokens.push_back(tokenizer.bos());
    return tokens;
}

std::vector<std::string> SosoikBackend::stopStrings() const {
    return model_->chatTemplate().stopStrings();
}

void SosoikBackend::prepareSession(int contextLength) {
    const int trained = model_->info().contextLength;
    int wanted = contextLength > 0 ? contextLength : 4096;
    if (trained > 0) wanted = std::min(wanted, trained);
    if (session_ && session_->contextLength() == wanted) return;
    auto fresh = sosoik::Session::create(*model_, wanted);
    QMutexLocker lock(&sessionMutex_);
    session_ = std::move(fresh);
}

int SosoikBackend::sessionContextLength() const {
    return session_ ? session_->contextLength() : 0;
}

sosoik::GenerateStats
SosoikBackend::generate(const std::vector<int32_t>& prompt, const sosoik::GenerateOptions& options,
                        const std::function<bool(const std::string&, int32_t)>& onText) {
    return sosoik::generate(*model_, *session_, prompt, options, onText);
}

void SosoikBackend::cancel() {
    QMutexLocker lock(&sessionMutex_);
    if (session_) session_->cancel();
}

void SosoikBackend::resetCancel() {
    QMutexLocker lock(&sessionMutex_);
    if (session_) session_->resetCancel();
}

} // namespace sosoik::app
