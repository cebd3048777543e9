#pragma once
// A system-wide shortcut that reaches Sosoik while another application has the focus. Each platform has its
// own backend; where none exists the backend says why instead of failing silently.
#include "hotkey/display_session.h"

#include <QKeySequence>
#include <QObject>
#include <memory>

namespace sosoik::app {

class GlobalHotkey : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // The backend for the running platform (X11, Windows, the desktop portal in Wayland sessions) or one
    // that only explains what is unavailable and how to bind `sosoik --quick-query` instead. Call after the
    // QGuiApplication exists: the choice depends on its platform plugin and session.
    static std::unique_ptr<GlobalHotkey> createForPlatform();
    // Why a Wayland or XWayland session has no global shortcut here, and how to bind one instead.
    static QString waylandUnavailableReason(DisplaySession session);

    // Empty when this platform can grab keys; otherwise a sentence for the Settings page.
    virtual QString unavailableReason() const = 0;
    // Grabs the shortcut (releasing the previous one). False with errorString() when it is invalid or another
    // application already owns it; then no shortcut is active.
    virtual bool setShortcut(const QKeySequence& sequence) = 0;
    virtual void clearShortcut() = 0;

    QKeySequence shortcut() const { return m_shortcut; }
    QString errorString() const { return m_error; }
    // How the desktop says the shortcut is pressed, where the desktop chooses (the Wayland portal).
    virtual QString triggerDescription() const { return {}; }

signals:
    void activated();
    // The shortcut or the error changed later than setShortcut() returned (the portal answers later).
    void changed();

protected:
    QKeySequence m_shortcut;
    QString m_error;
};

// Used where no backend exists (Wayland without the portal's GlobalShortcuts, macOS, offscreen): always
// unavailable, with the reason.
class UnavailableGlobalHotkey : public GlobalHotkey {
    Q_OBJECT
public:
    explicit UnavailableGlobalHotkey(QString reason, QObject* parent = nullptr);
    QString unavailableReason() const override { return m_reason; }
    bool setShortcut(const QKeySequence& sequence) override;
    void clearShortcut() override { m_shortcut = {}; }

private:
    QString m_reason;
};

} // namespace sosoik::app
