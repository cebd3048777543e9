#include "settings/app_settings.h"

#include <QCoreApplication>

#include <algorithm>

namespace sosoik::app {

AppSettings::AppSettings(const QString& iniPath, QObject* parent) : QObject(parent) {
    settings_ = iniPath.isEmpty() ? std::make_unique<QSettings>()
                                  : std::make_unique<QSettings>(iniPath, QSettings::IniFormat);
}

QString AppSettings::defaultSystemPrompt() {
    return QCoreApplication::translate("AppSettings",
                                       "You are a helpful assistant. Answer clearly and briefly.");
}

QVariant AppSettings::get(const char* key, const QVariant& fallback) const {
    return settings_->value(QLatin1String(key), fallback);
}

void AppSettings::put(const char* key, const QVariant& value) {
    if (settings_->value(QLatin1String(key)) == value && settings_->contains(QLatin1String(key))) return;
    settings_->setValue(QLatin1String(key), value);
    settings_->sync();
    emit changed();
}

QString AppSettings::systemPrompt() const {
    return get("generation/systemPrompt", defaultSystemPrompt()).toString();
}
double AppSettings::temperature() const {
    return get("generation/temperature", 0.7).toDouble();
}
double AppSettings::topP() const {
    return get("generation/topP", 0.95).toDouble();
}
int AppSettings::topK() const {
    return get("generation/topK", 40).toInt();
}
int AppSettings::maxNewTokens() const {
    return get("generation/maxNewTokens", 512).toInt();
}
int AppSettings::contextLength() const {
    return get("generation/contextLength", 2048).toInt();
}
int AppSettings::seed() const {
    return get("generation/seed", 0).toInt();
}
QString AppSettings::language() const {
    return get("ui/language", QString()).toString();
}
QString AppSettings::colorScheme() const {
    const QString v = get("ui/colorScheme", QStringLiteral("system")).toString();
    return v == QLatin1String("light") || v == QLatin1String("dark") ? v : QStringLiteral("system");
}
QString AppSettings::backend() const {
    return get("engine/backend", QStringLiteral("auto")).toString();
}
int AppSettings::device() const {
    return get("engine/device", -1).toInt();
}
bool AppSettings::reopenLastModel() const {
    return get("engine/reopenLastModel", true).toBool();
}
int AppSettings::cpuThreads() const {
    return std::max(0, get("cpu/threads", 0).toInt());
}
bool AppSettings::cpuFastPrompts() const {
    return get("cpu/fastPrompts", false).toBool();
}

// Values are clamped to what the sampler and the engine accept, so a typo in the
// settings dialog cannot make generation fail later.
void AppSettings::setSystemPrompt(const QString& v) {
    put("generation/systemPrompt", v);
}
void AppSettings::setTemperature(double v) {
    put("generation/temperature", std::clamp(v, 0.0, 2.0));
}
void AppSettings::setTopP(double v) {
    put("generation/topP", std::clamp(v, 0.0, 1.0));
}
void AppSettings::setTopK(int v) {
    put("generation/topK", std::clamp(v, 0, 1000));
}
void AppSettings::setMaxNewTokens(int v) {
    put("generation/maxNewTokens", std::clamp(v, 1, 32768));
}
void AppSettings::setContextLength(int v) {
    put("generation/contextLength", std::clamp(v, 128, 131072));
}
void AppSettings::setSeed(int v) {
    put("generation/seed", std::max(0, v));
}
void AppSettings::setLanguage(const QString& v) {
    put("ui/language", (v == QLatin1String("en") || v == QLatin1String("ko")) ? v : QString());
}
void AppSettings::setColorScheme(const QString& v) {
    put("ui/colorScheme",
        v == QLatin1String("light") || v == QLatin1String("dark") ? v : QStringLiteral("system"));
}
void AppSettings::setBackend(const QString& v) {
    const bool known = v == QLatin1String("auto") || v == QLatin1String("vulkan") ||
                       v == QLatin1String("cpu") || v == QLatin1String("reference");
    put("engine/backend", known ? v : QStringLiteral("auto"));
}
void AppSettings::setDevice(int v) {
    put("engine/device", std::max(-1, v));
}
void AppSettings::setReopenLastModel(bool v) {
    put("engine/reopenLastModel", v);
}
// Not capped at this machine's CPU count: a profile moved to a bigger PC keeps its choice, and the engine
// runs any count (the dialog offers 1 … logical CPUs).
void AppSettings::setCpuThreads(int v) {
    put("cpu/threads", std::clamp(v, 0, 1024));
}
void AppSettings::setCpuFastPrompts(bool v) {
    put("cpu/fastPrompts", v);
}

void AppSettings::resetGenerationDefaults() {
    settings_->remove(QStringLiteral("generation"));
    settings_->sync();
    emit changed();
}

void AppSettings::resetCpuDefaults() {
    settings_->remove(QStringLiteral("cpu"));
    settings_->sync();
    emit changed();
}

} // namespace sosoik::app
