#include "models/model_manager.h"
#include "library/model_name.h"

#include "settings/app_settings.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QThread>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <utility>

namespace sosoik::app {

ModelManager::ModelManager(EngineWorker* worker, AppSettings* settings, ModelInspector inspector,
                           DeviceLister devices, QObject* parent)
    : QObject(parent), worker_(worker), settings_(settings), inspector_(std::move(inspector)),
      lister_(std::move(devices)), recent_(&settings->store(), this) {
    // The device list's words ("Automatic (best GPU)", device kinds) follow a language switch.
    if (QCoreApplication::instance()) QCoreApplication::instance()->installEventFilter(this);
    // Recent models call a built-in by the name the tool bar uses (the demo's GGUF name is English).
    recent_.setBuiltinName([this](const QString& path) { return builtin_.nameFor(path); });
    connect(worker, &EngineWorker::modelLoadProgress, this, [this](int id, double fraction) {
        if (id != loadRequestId_) return;
        progress_ = fraction;
        emit progressChanged();
    });
    connect(worker, &EngineWorker::modelLoaded, this, [this](int id, const ModelDetails& details) {
        if (id != loadRequestId_) return;
        loadRequestId_ = 0;
        current_ = details;
        // A GGUF name llama.cpp's converter made up reads as the file's (library/model_name.h).
        if (!details.remote) current_.name = readableModelName(details.name, details.path);
        loadedThreads_ = loadingThreads_;
        loadedFastPrompts_ = loadingFastPrompts_;
        if (!details.remote) recent_.remember(current_); // a server is no file to reopen from the list
        emit stateChanged();
        emit cpuSettingsPendingChanged();
        emit modelReady(details.path);
    });
    // An unload from elsewhere (the tray menu) must not leave the picker showing a model.
    connect(worker, &EngineWorker::modelUnloaded, this, [this](int) {
        if (current_.path.isEmpty()) return;
        current_ = {};
        emit stateChanged();
        emit cpuSettingsPendingChanged();
    });
    // Settings → CPU: the picker's "CPU — N threads" follows the thread count, and the dialog learns whether
    // the loaded model still runs with other settings.
    shownCpuThreads_ = settings->cpuThreads();
    connect(settings, &AppSettings::changed, this, [this] {
        if (const int threads = settings_->cpuThreads(); threads != shownCpuThreads_) {
            shownCpuThreads_ = threads;
            emit devicesChanged();
        }
        emit cpuSettingsPendingChanged();
    });
    connect(worker, &EngineWorker::modelLoadFailed, this,
            [this](int id, const QString& path, const QString& why) {
                if (id != loadRequestId_) return;
                loadRequestId_ = 0;
                current_ = {}; // the worker dropped the old model before trying the new one
                emit cpuSettingsPendingChanged();
                if (std::exchange(cancelRequested_, false)) {
                    emit stateChanged();
                    return;
                }
                setError(loadingRemote_ ? tr("Could not use the server: %1").arg(why)
                                        : tr("Could not load %1: %2").arg(QFileInfo(path).fileName(), why));
                emit stateChanged();
                emit modelFailed(why);
            });
}

QString ModelManager::toLocalPath(const QVariant& pathOrUrl) {
    if (pathOrUrl.canConvert<QUrl>() && pathOrUrl.metaType().id() == QMetaType::QUrl)
        return pathOrUrl.toUrl().toLocalFile();
    const QString text = pathOrUrl.toString();
    if (text.startsWith(QLatin1String("file:"))) return QUrl(text).toLocalFile();
    return text;
}

QVariantMap ModelManager::toMap(const ModelDetails& d) {
    if (d.path.isEmpty()) return {};
    return {{QStringLiteral("path"), d.path},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("architecture"), d.architecture},
            {QStringLiteral("quantization"), d.quantization},
            {QStringLiteral("backendName"), d.backendName},
            {QStringLiteral("chatTemplate"), d.chatTemplate},
            {QStringLiteral("fileBytes"), d.fileBytes},
            {QStringLiteral("parameterCount"), d.parameterCount},
            {QStringLiteral("contextLength"), d.trainedContext},
            {QStringLiteral("remote"), d.remote}};
}

QString ModelManager::formatBytes(qint64 bytes) {
    return QLocale().formattedDataSize(bytes);
}

QVariantMap ModelManager::inspect(const QVariant& pathOrUrl) {
    const QString path = toLocalPath(pathOrUrl);
    QVariantMap result;
    if (!QFileInfo(path).isFile()) {
        result.insert(QStringLiteral("error"), tr("The file %1 does not exist.").arg(path));
        return result;
    }
    try {
        result = toMap(inspector_(path));
    } catch (const std::exception& e) {
        result.insert(QStringLiteral("error"), EngineWorker::describeModelError(e, path));
    }
    return result;
}

bool ModelManager::load(const QVariant& pathOrUrl) {
    const QString path = toLocalPath(pathOrUrl);
    if (loading()) {
        setError(tr("A model is already loading. Wait for it to finish."));
        return false;
    }
    if (!QFileInfo(path).isFile()) {
        setError(tr("The file %1 does not exist.").arg(path));
        return false;
    }
    // A file the engine cannot even read is refused here, before the worker lets the loaded model go (it
    // frees it first: two may not fit in memory). Under Xvfb, opening a damaged download left no model.
    try {
        inspector_(path);
    } catch (const std::exception& e) {
        const QString why = EngineWorker::describeModelError(e, path);
        setError(tr("Could not load %1: %2").arg(QFileInfo(path).fileName(), why));
        // Later, as a failure the worker reports: listeners may connect after asking.
        QMetaObject::invokeMethod(
            this, [this, why] { emit modelFailed(why); }, Qt::QueuedConnection);
        return false;
    }
    dismissError();
    LoadRequest request;
    request.path = QFileInfo(path).absoluteFilePath();
    request.backend = settings_->backend();
    request.device = settings_->device();
    request.threads = settings_->cpuThreads();
    request.cpuFastPrompts = settings_->cpuFastPrompts();
    loadingThreads_ = request.threads;
    loadingFastPrompts_ = request.cpuFastPrompts;
    loadingPath_ = request.path;
    loadingRemote_ = false;
    progress_ = 0;
    loadRequestId_ = worker_->loadModel(request);
    emit progressChanged();
    emit stateChanged();
    return true;
}

bool ModelManager::reloadModel() {
    return loaded() && !current_.remote && load(current_.path);
}

bool ModelManager::cpuSettingsPending() const {
    // The CPU backend names itself "cpu: AVX2, 4 threads"; the others ignore the fast-prompt choice.
    if (!loaded() || current_.remote || !current_.backendName.startsWith(QLatin1String("cpu:"))) return false;
    return loadedThreads_ != settings_->cpuThreads() || loadedFastPrompts_ != settings_->cpuFastPrompts();
}

int ModelManager::physicalCores() const {
    for (const QVariant& v : devices_) {
        const QVariantMap d = v.toMap();
        if (d.value(QStringLiteral("type")).toString() == QLatin1String("native-cpu"))
            return d.value(QStringLiteral("threads")).toInt();
    }
    return 0;
}

int ModelManager::logicalCpus() {
    return std::max(1, QThread::idealThreadCount());
}

bool ModelManager::loadRemote(const QString& baseUrl, const QString& key, const QString& model) {
    if (loading()) {
        setError(tr("A model is already loading. Wait for it to finish."));
        return false;
    }
    dismissError();
    LoadRequest request;
    request.remoteUrl = baseUrl;
    request.remoteKey = key;
    request.remoteModel = model;
    request.path = model.isEmpty() ? baseUrl : QStringLiteral("%1/models/%2").arg(baseUrl, model);
    loadingPath_ = request.path;
    loadingRemote_ = true;
    progress_ = 0;
    loadRequestId_ = worker_->loadModel(request);
    emit progressChanged();
    emit stateChanged();
    return true;
}

void ModelManager::cancelLoad() {
    if (!loading()) return;
    cancelRequested_ = true;
    worker_->cancelAll();
}

void ModelManager::refreshDevices() {
    auto* watcher = new QFutureWatcher<QVariantList>(this);
    connect(watcher, &QFutureWatcher<QVariantList>::finished, this, [this, watcher] {
        devices_ = watcher->result();
        devicesListed_ = true;
        watcher->deleteLater();
        emit devicesChanged();
    });
    watcher->setFuture(QtConcurrent::run(lister_));
}

// The device kinds in `sosoik-cli devices`' words (sosoik::deviceKindName), translated (issue #13: the
// CLI said "cpu" where the app said "GPU: llvmpipe").
QString ModelManager::deviceKindName(const QString& type) {
    if (type == QLatin1String("discrete")) return tr("discrete GPU");
    if (type == QLatin1String("integrated")) return tr("integrated GPU");
    if (type == QLatin1String("virtual")) return tr("virtual GPU");
    if (type == QLatin1String("cpu")) return tr("CPU (software Vulkan)");
    return tr("other device");
}

QVariantList ModelManager::deviceChoices() const {
    QVariantList out;
    // Auto: the best GPU; without one (or with only a Vulkan-on-CPU driver) the CPU backend.
    out.append(QVariantMap{{QStringLiteral("key"), QStringLiteral("auto")},
                           {QStringLiteral("label"), tr("Automatic (best GPU, else CPU)")}});
    QVariantMap cpu;
    for (const QVariant& v : devices_) {
        const QVariantMap d = v.toMap();
        const QString type = d.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("native-cpu")) {
            cpu = d;
            continue;
        }
        const QString name = d.value(QStringLiteral("name")).toString();
        out.append(QVariantMap{
            {QStringLiteral("key"),
             QStringLiteral("vulkan:%1").arg(d.value(QStringLiteral("index")).toInt())},
            {QStringLiteral("label"), QStringLiteral("%1 \u2014 %2").arg(name, deviceKindName(type))}});
    }
    if (!cpu.isEmpty()) {
        const int chosen = settings_->cpuThreads();
        const int threads = chosen > 0 ? chosen : cpu.value(QStringLiteral("threads")).toInt();
        const QString isa = cpu.value(QStringLiteral("isa")).toString();
        out.append(QVariantMap{
            {QStringLiteral("key"), QStringLiteral("cpu")},
            {QStringLiteral("label"), threads == 1 ? tr("CPU — 1 thread, %1").arg(isa)
                                                   : tr("CPU — %1 threads, %2").arg(threads).arg(isa)}});
    }
    out.append(QVariantMap{{QStringLiteral("key"), QStringLiteral("reference")},
                           {QStringLiteral("label"), tr("CPU (reference backend, slow)")}});
    return out;
}

QString ModelManager::deviceKey() const {
    const QString backend = settings_->backend();
    if (backend == QLatin1String("vulkan")) return QStringLiteral("vulkan:%1").arg(settings_->device());
    return backend;
}

void ModelManager::setDeviceKey(const QString& key) {
    if (key.startsWith(QLatin1String("vulkan:"))) {
        settings_->setBackend(QStringLiteral("vulkan"));
        settings_->setDevice(key.mid(7).toInt());
    } else {
        settings_->setBackend(key);
        settings_->setDevice(-1);
    }
    emit deviceKeyChanged();
}

QVariantList ModelManager::builtinModels() const {
    QVariantList out;
    for (const BuiltinModel& m : builtin_.available())
        out.append(QVariantMap{{QStringLiteral("title"), m.title},
                               {QStringLiteral("name"), m.name},
                               {QStringLiteral("path"), m.path},
                               {QStringLiteral("language"), m.language}});
    return out;
}

QString ModelManager::displayName() const {
    const QString builtin = builtin_.nameFor(current_.path);
    return builtin.isEmpty() ? current_.name : builtin;
}

QString ModelManager::loadingName() const {
    const QString builtin = builtin_.nameFor(loadingPath_);
    return builtin.isEmpty() ? QFileInfo(loadingPath_).fileName() : builtin;
}

bool ModelManager::loadBuiltinFor(const QString& uiLanguage) {
    const QString path = builtin_.defaultFor(uiLanguage);
    return !path.isEmpty() && load(path);
}

void ModelManager::dismissError() {
    setError(QString());
}

void ModelManager::setError(const QString& text) {
    if (error_ == text) return;
    error_ = text;
    emit errorTextChanged();
}

bool ModelManager::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        emit devicesChanged();
        recent_.retranslate();
    }
    return QObject::eventFilter(watched, event);
}

bool ModelManager::isModelFile(const QString& path) {
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) return file.read(4) == "GGUF";
    return path.endsWith(QStringLiteral(".gguf"), Qt::CaseInsensitive);
}

} // namespace sosoik::app
