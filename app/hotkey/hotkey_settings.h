#pragma once
// The "Global shortcut" setting: persists the chosen sequence, applies it to the platform backend and tells
// the Settings page (QML) whether it is active, taken, or unavailable here and why.
#include "hotkey/global_hotkey.h"

#include <QObject>
#include <QSettings>

namespace sosoik::app {

class HotkeySettings : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString sequence READ sequence NOTIFY changed)
    Q_PROPERTY(bool enabled READ enabled WRITE setEnabled NOTIFY changed)
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(bool active READ active NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed)
public:
    static constexpr const char* kDefaultSequence = "Ctrl+Alt+Space";

    // settings is where the choice persists (the app's QSettings); backend does the grabbing. Neither is
    // owned.
    HotkeySettings(QSettings* settings, GlobalHotkey* backend, QObject* parent = nullptr);

    QString sequence() const { return m_sequence; }
    bool enabled() const { return m_enabled; }
    bool available() const { return m_backend->unavailableReason().isEmpty(); }
    bool active() const { return !m_backend->shortcut().isEmpty(); }
    QString status() const { return m_status; }

    // Portable text ("Ctrl+Alt+Space"). Returns false, keeping the previous sequence, when the text does not
    // parse; a valid sequence that the system refuses is still saved (it may work after the other app quits).
    Q_INVOKABLE bool setSequence(const QString& portableText);
    // For the shortcut recorder: the key and modifiers of a QML KeyEvent.
    Q_INVOKABLE bool setFromKeyEvent(int key, int modifiers);
    Q_INVOKABLE void resetToDefault() { setSequence(kDefaultSequence); }
    void setEnabled(bool enabled);

signals:
    void changed();
    void activated();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void apply();
    void describe(); // m_status from the current state, in the current language

    QSettings* m_settings;
    GlobalHotkey* m_backend;
    QString m_sequence;
    bool m_enabled = true;
    QString m_status;
};

} // namespace sosoik::app
