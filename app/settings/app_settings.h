#pragma once
// App-wide preferences and the defaults every conversation starts from, persisted with
// QSettings. With a custom data dir (--data-dir / SOSOIK_DATA_DIR) they live in
// <data dir>/settings.ini so profiles stay separate; otherwise in the platform's usual place.
#include <QObject>
#include <QSettings>
#include <QString>

#include <memory>

namespace sosoik::app {

class AppSettings : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString systemPrompt READ systemPrompt WRITE setSystemPrompt NOTIFY changed)
    Q_PROPERTY(double temperature READ temperature WRITE setTemperature NOTIFY changed)
    Q_PROPERTY(double topP READ topP WRITE setTopP NOTIFY changed)
    Q_PROPERTY(int topK READ topK WRITE setTopK NOTIFY changed)
    Q_PROPERTY(int maxNewTokens READ maxNewTokens WRITE setMaxNewTokens NOTIFY changed)
    Q_PROPERTY(int contextLength READ contextLength WRITE setContextLength NOTIFY changed)
    // 0: a fresh sampling seed for every answer; otherwise this seed (reproducible answers).
    Q_PROPERTY(int seed READ seed WRITE setSeed NOTIFY changed)
    // "" follows the system locale; otherwise "en" or "ko".
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY changed)
    // "system" follows the desktop's light/dark scheme; "light" or "dark" overrides it (theme/theme.h).
    Q_PROPERTY(QString colorScheme READ colorScheme WRITE setColorScheme NOTIFY changed)
    // "auto", "vulkan" or "reference"; device is a Vulkan index (-1 = the preferred one).
    Q_PROPERTY(QString backend READ backend WRITE setBackend NOTIFY changed)
    Q_PROPERTY(int device READ device WRITE setDevice NOTIFY changed)
    Q_PROPERTY(bool reopenLastModel READ reopenLastModel WRITE setReopenLastModel NOTIFY changed)
    // The CPU backend (and the reference one) at the next model load: threads, 0 = automatic (the
    // engine's physical-core count); fast prompts = 8-bit prompt activations (LoadOptions::cpuFastPrompts).
    Q_PROPERTY(int cpuThreads READ cpuThreads WRITE setCpuThreads NOTIFY changed)
    Q_PROPERTY(bool cpuFastPrompts READ cpuFastPrompts WRITE setCpuFastPrompts NOTIFY changed)
    Q_PROPERTY(QString settingsPath READ settingsPath CONSTANT)
public:
    // iniPath empty: the platform default location (organization/application names).
    explicit AppSettings(const QString& iniPath = {}, QObject* parent = nullptr);

    QString systemPrompt() const;
    double temperature() const;
    double topP() const;
    int topK() const;
    int maxNewTokens() const;
    int contextLength() const;
    int seed() const;
    QString language() const;
    QString colorScheme() const;
    QString backend() const;
    int device() const;
    bool reopenLastModel() const;
    int cpuThreads() const;
    bool cpuFastPrompts() const;
    QString settingsPath() const { return settings_->fileName(); }

    void setSystemPrompt(const QString& v);
    void setTemperature(double v);
    void setTopP(double v);
    void setTopK(int v);
    void setMaxNewTokens(int v);
    void setContextLength(int v);
    void setSeed(int v);
    void setLanguage(const QString& v);
    void setColorScheme(const QString& v);
    void setBackend(const QString& v);
    void setDevice(int v);
    void setReopenLastModel(bool v);
    void setCpuThreads(int v);
    void setCpuFastPrompts(bool v);

    Q_INVOKABLE void resetGenerationDefaults();
    // Settings → CPU's own "Restore defaults": automatic threads, exact prompts.
    Q_INVOKABLE void resetCpuDefaults();

    // For other app parts (recent models, window geometry): the same store.
    QSettings& store() { return *settings_; }
    void sync() { settings_->sync(); }

    static QString defaultSystemPrompt();

signals:
    void changed();

private:
    QVariant get(const char* key, const QVariant& fallback) const;
    void put(const char* key, const QVariant& value);
    std::unique_ptr<QSettings> settings_;
};

} // namespace sosoik::app
