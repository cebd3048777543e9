#pragma once
// A system-wide shortcut that reaches Sosoik while another application has the focus. Each platform has its
// own backend; where none exists the backend says why instead of failing silently.
#include <QKeySequence>
#include <QObject>
#include <memory>

namespace sosoik::app {

class GlobalHotkey : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // The backend for the running platform (X11, Windows) or one that only explains what is unavailable.
    // Call after the QGuiApplication exists: the choice depends on its platform plugin.
    static std::unique_ptr<GlobalHotkey> createForPlatform();

    // Empty when this platform can grab keys; otherwise a sentence for the Settings page.
    virtual QString unavailableReason() const = 0;
    // Grabs the shortcut (releasing the previous one). False with errorString() when it is invalid or another
    // application already owns it; then no shortcut is active.
    virtual bool setShortcut(const QKeySequence& sequence) = 0;
    virtual void clearShortcut() = 0;

    QKeySequence shortcut() const { return m_shortcut; }
    QString errorString() const { return m_error; }

signals:
    void activated();

protected:
    QKeySequence m_shortcut;
    QString m_error;
};

// Used where no backend exists (Wayland, macOS, offscreen): always unavailable, with the reason.
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
