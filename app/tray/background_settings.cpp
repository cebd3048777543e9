#include "tray/background_settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace sosoik::app {

namespace {
constexpr char kCloseToTray[] = "background/closeToTray";
constexpr char kStartMinimized[] = "background/startMinimized";

QString quoteExec(const QString& path) {
    // Desktop Entry spec: quote arguments containing reserved characters; escape " ` $ \ inside quotes.
    QString escaped = path;
    for (const char* c : {"\\", "\"", "`", "$"})
        escaped.replace(QLatin1String(c), QLatin1String("\\") + c);
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}
} // namespace

BackgroundSettings::BackgroundSettings(QSettings* settings, bool trayAvailable, QObject* parent)
    : QObject(parent), m_settings(settings), m_trayAvailable(trayAvailable) {}

bool BackgroundSettings::closeToTray() const {
    return m_trayAvailable && m_settings->value(kCloseToTray, true).toBool();
}
bool BackgroundSettings::startMinimized() const {
    return m_trayAvailable && m_settings->value(kStartMinimized, false).toBool();
}
bool BackgroundSettings::startAtLogin() const {
    return QFile::exists(autostartFilePath());
}

void BackgroundSettings::setCloseToTray(bool on) {
    m_settings->setValue(kCloseToTray, on);
    m_settings->sync();
    emit changed();
}

void BackgroundSettings::setStartMinimized(bool on) {
    m_settings->setValue(kStartMinimized, on);
    m_settings->sync();
    emit changed();
}

QString BackgroundSettings::autostartFilePath() {
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return QDir(config).filePath(QStringLiteral("autostart/io.sosoik.Sosoik.desktop"));
}

QString BackgroundSettings::autostartEntry(const QString& executable) {
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Sosoik\n"
                          "Comment=Offline AI assistant, waiting in the tray\n"
                          "Exec=%1 --minimized\n"
                          "Icon=sosoik\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n")
        .arg(quoteExec(executable));
}

bool BackgroundSettings::setStartAtLogin(bool on) {
    m_error.clear();
    const QString path = autostartFilePath();
    bool ok = true;
    if (on) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        ok = file.open(QIODevice::WriteOnly) &&
             file.write(autostartEntry(QCoreApplication::applicationFilePath()).toUtf8()) > 0 &&
             file.commit();
        if (!ok) m_error = tr("Cannot write %1: %2").arg(path, file.errorString());
    } else if (QFile::exists(path) && !QFile::remove(path)) {
        ok = false;
        m_error = tr("Cannot remove %1.").arg(path);
    }
    emit changed();
    return ok;
}

} // namespace sosoik::app
