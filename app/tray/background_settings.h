#pragma once
// Background life: keep running in the tray when the main window closes, start minimized, start at login.
// "Start at login" writes (or removes) an XDG autostart entry, ~/.config/autostart/io.sosoik.Sosoik.desktop.
#include <QObject>
#include <QSettings>

namespace sosoik::app {

class BackgroundSettings : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool closeToTray READ closeToTray WRITE setCloseToTray NOTIFY changed)
    Q_PROPERTY(bool startMinimized READ startMinimized WRITE setStartMinimized NOTIFY changed)
    Q_PROPERTY(bool startAtLogin READ startAtLogin WRITE setStartAtLogin NOTIFY changed)
    Q_PROPERTY(bool trayAvailable READ trayAvailable CONSTANT)
    Q_PROPERTY(QString errorString READ errorString NOTIFY changed)
public:
    // trayAvailable: without a tray, closing must quit (there would be no way back) and minimized starts
    // would hide the app entirely, so both read false whatever is stored.
    BackgroundSettings(QSettings* settings, bool trayAvailable, QObject* parent = nullptr);

    bool closeToTray() const;
    bool startMinimized() const;
    bool startAtLogin() const;
    bool trayAvailable() const { return m_trayAvailable; }
    QString errorString() const { return m_error; }

    void setCloseToTray(bool on);
    void setStartMinimized(bool on);
    // Returns false (errorString says why) when the autostart file cannot be written or removed.
    bool setStartAtLogin(bool on);

    static QString autostartFilePath(); // under $XDG_CONFIG_HOME (or ~/.config)/autostart
    // The .desktop entry that starts this binary; startMinimized adds --minimized.
    static QString autostartEntry(const QString& executable);

signals:
    void changed();

private:
    QSettings* m_settings;
    bool m_trayAvailable;
    QString m_error;
};

} // namespace sosoik::app
