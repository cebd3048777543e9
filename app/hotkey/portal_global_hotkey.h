#pragma once
// The global shortcut on Wayland: the XDG desktop portal's org.freedesktop.portal.GlobalShortcuts
// (GNOME 48+, KDE Plasma 6, Hyprland, ...), through Qt DBus. The app does not grab keys there: it
// creates a portal session, asks the desktop to bind its one shortcut ("quick-query") with the
// chosen keys as the preferred trigger, and the desktop (often after asking the user) binds it and
// sends Activated when it is pressed. The desktop has the last word on the keys, so the Settings
// page shows the trigger it reports.
#include "hotkey/global_hotkey.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QList>
#include <QVariantMap>

namespace sosoik::app {

// One element of BindShortcuts' a(sa{sv}): a shortcut id and its properties.
struct PortalShortcut {
    QString id;
    QVariantMap properties;
};
QDBusArgument& operator<<(QDBusArgument& arg, const PortalShortcut& shortcut);
const QDBusArgument& operator>>(const QDBusArgument& arg, PortalShortcut& shortcut);

class PortalGlobalHotkey : public GlobalHotkey {
    Q_OBJECT
public:
    static constexpr char kService[] = "org.freedesktop.portal.Desktop";
    static constexpr char kPath[] = "/org/freedesktop/portal/desktop";
    static constexpr char kInterface[] = "org.freedesktop.portal.GlobalShortcuts";
    static constexpr char kShortcutId[] = "quick-query";

    // Whether a portal on bus offers GlobalShortcuts (its version property answers within timeoutMs).
    static bool offered(const QDBusConnection& bus, int timeoutMs = 3000);
    // The shortcuts spec's trigger text for a chord ("CTRL+ALT+space"); empty when it is no chord.
    static QString portalTrigger(const QKeySequence& sequence);
    static void registerDBusTypes();

    explicit PortalGlobalHotkey(QDBusConnection bus, QObject* parent = nullptr);
    ~PortalGlobalHotkey() override;

    QString unavailableReason() const override { return {}; }
    // Asks the desktop to bind sequence; true when asked (active once the desktop answers: changed()).
    bool setShortcut(const QKeySequence& sequence) override;
    void clearShortcut() override;
    QString triggerDescription() const override { return m_trigger; }

private slots:
    void onResponse(const QDBusMessage& message);
    void onActivated(const QDBusMessage& message);

private:
    QString requestPath(const QString& token) const;
    // Calls a GlobalShortcuts method whose answer comes as a Request's Response signal.
    void callWithRequest(const QString& method, QList<QVariant> args, const QString& token);
    void bind();
    void closeSession();
    void failed(const QString& why);

    QDBusConnection m_bus;
    QKeySequence m_wanted;
    QString m_session;        // the session handle, once created
    QString m_pendingRequest; // the request whose Response is awaited
    QString m_trigger;        // how the desktop says the shortcut is triggered
    int m_counter = 0;
};

} // namespace sosoik::app

Q_DECLARE_METATYPE(sosoik::app::PortalShortcut)
