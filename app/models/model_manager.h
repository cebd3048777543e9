#pragma once
// The model picker's behaviour: inspect a GGUF file (header only), load it on the chosen
// device through the EngineWorker with visible progress, remember recent models, and
// report failures in words. Which device to use is an app setting (backend + device index).
#include "inference/engine_worker.h"
#include "models/builtin_models.h"
#include "models/loaded_model.h"
#include "models/recent_models.h"

#include <QObject>
#include <QVariantList>
#include <QVariantMap>

#include <functional>

namespace sosoik::app {

class AppSettings;

// Reads a model's header; throws std::exception with a human message.
using ModelInspector = std::function<ModelDetails(const QString& path)>;
// Lists Vulkan devices as {index, name, type} and the native CPU backend as {type "native-cpu",
// threads, isa}; may be slow (creates a Vulkan instance).
using DeviceLister = std::function<QVariantList()>;

class ModelManager : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool loaded READ loaded NOTIFY stateChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY stateChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString loadingPath READ loadingPath NOTIFY stateChanged)
    // The loaded model (empty path: none).
    Q_PROPERTY(sosoik::app::LoadedModel current READ loadedModel NOTIFY stateChanged)
    // What the top bar calls the loaded and the loading model: a built-in model's name (BuiltinModels::
    // name, in the UI language), else the GGUF's own name (loaded) or the file name (loading).
    Q_PROPERTY(QString displayName READ displayName NOTIFY stateChanged)
    Q_PROPERTY(QString loadingName READ loadingName NOTIFY stateChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(sosoik::app::RecentModels* recent READ recent CONSTANT)
    // [{key, label}] for the device menu: "auto", "vulkan:<index>" per Vulkan device, "cpu"
    // ("CPU — 8 threads, AVX2": Settings → CPU's thread count, else the physical cores), "reference".
    Q_PROPERTY(QVariantList deviceChoices READ deviceChoices NOTIFY devicesChanged)
    // For Settings → CPU: the engine's automatic thread count (physical cores; 0 until the devices are
    // listed) and the logical CPUs this process may use (the most it offers).
    Q_PROPERTY(int physicalCores READ physicalCores NOTIFY devicesChanged)
    Q_PROPERTY(int logicalCpus READ logicalCpus CONSTANT)
    // True while the loaded model runs on the CPU backend with other CPU settings than the current ones
    // (they apply at a load: Settings → CPU then offers reloadModel()).
    Q_PROPERTY(bool cpuSettingsPending READ cpuSettingsPending NOTIFY cpuSettingsPendingChanged)
    Q_PROPERTY(QString deviceKey READ deviceKey WRITE setDeviceKey NOTIFY deviceKeyChanged)
    // [{title, name, path, language}] of the installed built-in models, for the picker (names follow the
    // UI language: devicesChanged is sent on a language change).
    Q_PROPERTY(QVariantList builtinModels READ builtinModels NOTIFY devicesChanged)
    // True while a remote server answers (the chat shows that what the user types leaves this PC).
    Q_PROPERTY(bool usingRemote READ usingRemote NOTIFY stateChanged)
    // True while a built-in small model is the loaded one (the chat shows "get a bigger one").
    Q_PROPERTY(bool usingBuiltin READ usingBuiltin NOTIFY stateChanged)
public:
    ModelManager(EngineWorker* worker, AppSettings* settings, ModelInspector inspector, DeviceLister devices,
                 QObject* parent = nullptr);

    bool loaded() const { return !current_.path.isEmpty(); }
    bool loading() const { return loadRequestId_ != 0; }
    double progress() const { return progress_; }
    QString loadingPath() const { return loadingPath_; }
    QVariantMap current() const { return toMap(current_); }
    LoadedModel loadedModel() const { return LoadedModel(current_); }
    QString errorText() const { return error_; }
    RecentModels* recent() { return &recent_; }
    QVariantList deviceChoices() const;
    int physicalCores() const;
    static int logicalCpus();
    bool cpuSettingsPending() const;
    QString deviceKey() const;
    void setDeviceKey(const QString& key);
    QVariantList builtinModels() const;
    bool usingBuiltin() const { return builtin_.isBuiltin(current_.path); }
    QString displayName() const;
    QString loadingName() const;
    // A built-in model's name for its path; empty for any other file (the tray names models with it).
    QString builtinName(const QString& path) const { return builtin_.nameFor(path); }
    void setBuiltinModels(BuiltinModels builtin) { builtin_ = std::move(builtin); }
    // First launch: loads the built-in model for the UI language when nothing else is configured.
    // Returns false (and loads nothing) when no built-in model is installed.
    bool loadBuiltinFor(const QString& uiLanguage);

    // pathOrUrl: a local path or a file:// URL (what FileDialog gives).
    Q_INVOKABLE QVariantMap inspect(const QVariant& pathOrUrl);
    Q_INVOKABLE bool load(const QVariant& pathOrUrl);
    // Loads the current local model again (with the current device and CPU settings).
    Q_INVOKABLE bool reloadModel();
    // Stops the running load at its next step (and anything queued behind it); no model is loaded then.
    Q_INVOKABLE void cancelLoad();
    // An OpenAI-compatible server as the engine (app/remote/); shown and failed like a model file.
    bool loadRemote(const QString& baseUrl, const QString& key, const QString& model);
    bool usingRemote() const { return current_.remote; }
    Q_INVOKABLE void refreshDevices(); // asynchronous; deviceChoices updates when done
    Q_INVOKABLE void dismissError();
    Q_INVOKABLE static QString formatBytes(qint64 bytes);

    static QString toLocalPath(const QVariant& pathOrUrl);
    // A GGUF model file (by its magic bytes, or by its .gguf name when it cannot be read): what a
    // launch or a later launch hands over to be loaded rather than summarized.
    static bool isModelFile(const QString& path);
    // "discrete GPU", "CPU (software Vulkan)", ...: a device type as `sosoik-cli devices` names it.
    static QString deviceKindName(const QString& type);
    static QVariantMap toMap(const ModelDetails& details);

signals:
    void stateChanged();
    void progressChanged();
    void errorTextChanged();
    void devicesChanged();
    void deviceKeyChanged();
    void cpuSettingsPendingChanged();
    void modelReady(const QString& path);
    void modelFailed(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setError(const QString& text);

    EngineWorker* worker_;
    AppSettings* settings_;
    ModelInspector inspector_;
    DeviceLister lister_;
    RecentModels recent_;
    BuiltinModels builtin_;
    QVariantList devices_;
    bool devicesListed_ = false;
    ModelDetails current_;
    // The CPU settings of the load in flight and of the loaded model (cpuSettingsPending).
    int loadingThreads_ = 0, loadedThreads_ = 0;
    bool loadingFastPrompts_ = false, loadedFastPrompts_ = false;
    int shownCpuThreads_ = 0; // the thread count deviceChoices() last labelled the CPU with
    int loadRequestId_ = 0;
    bool cancelRequested_ = false;
    QString loadingPath_;
    bool loadingRemote_ = false;
    double progress_ = 0;
    QString error_;
};

} // namespace sosoik::app
