#include "hotkey/global_hotkey.h"

#include "hotkey/display_session.h"

#include <QGuiApplication>
#ifdef Q_OS_LINUX
#include "hotkey/portal_global_hotkey.h"
#endif

#ifdef SOSOIK_HAVE_XCB
#include "hotkey/x11_global_hotkey.h"
#endif
#ifdef Q_OS_WIN
#include "hotkey/windows_global_hotkey.h"
#endif

namespace sosoik::app {

UnavailableGlobalHotkey::UnavailableGlobalHotkey(QString reason, QObject* parent)
    : GlobalHotkey(parent), m_reason(std::move(reason)) {}

bool UnavailableGlobalHotkey::setShortcut(const QKeySequence& sequence) {
    m_shortcut = {};
    m_error = tr("%1 cannot be registered: %2").arg(sequence.toString(QKeySequence::NativeText), m_reason);
    return false;
}

QString GlobalHotkey::waylandUnavailableReason(DisplaySession session) {
    const QString why =
        session == DisplaySession::XWayland
            ? tr("Sosoik runs through XWayland in a Wayland session, where a key grab only works while "
                 "another X11 window has the focus, and this desktop's portal offers no global shortcuts.")
            : tr("Wayland lets no application grab keys, and this desktop's portal offers no global "
                 "shortcuts.");
    return why + ' ' +
           tr("Bind a shortcut to the command `sosoik --quick-query` in your desktop's keyboard settings "
              "instead (GNOME: Settings → Keyboard → Custom Shortcuts; KDE Plasma: System Settings → "
              "Shortcuts → Add New → Command).");
}

std::unique_ptr<GlobalHotkey> GlobalHotkey::createForPlatform() {
#ifdef Q_OS_WIN
    return std::make_unique<WindowsGlobalHotkey>();
#elif defined(Q_OS_MACOS)
    return std::make_unique<UnavailableGlobalHotkey>(tr(
        "global shortcuts are not implemented on macOS yet; use the tray icon or run `sosoik --quick-query` "
        "from a shortcut set in System Settings."));
#else
    const QString platform = QGuiApplication::platformName();
    const DisplaySession session = currentDisplaySession();
#ifdef Q_OS_LINUX
    // In a Wayland session only the compositor sees every key press; an X11 grab through XWayland
    // would fire only while an X11 window has the focus, so it is never used there.
    if (session == DisplaySession::Wayland || session == DisplaySession::XWayland) {
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (PortalGlobalHotkey::offered(bus)) return std::make_unique<PortalGlobalHotkey>(bus);
        return std::make_unique<UnavailableGlobalHotkey>(waylandUnavailableReason(session));
    }
#endif
    if (platform == QLatin1String("xcb")) {
#ifdef SOSOIK_HAVE_XCB
        return std::make_unique<X11GlobalHotkey>();
#else
        return std::make_unique<UnavailableGlobalHotkey>(
            tr("this build of Sosoik was made without XCB support, so it cannot grab keys on X11."));
#endif
    }
    if (session == DisplaySession::Wayland)
        return std::make_unique<UnavailableGlobalHotkey>(waylandUnavailableReason(session));
    return std::make_unique<UnavailableGlobalHotkey>(
        tr("the \"%1\" display platform has no global shortcuts.").arg(platform));
#endif
}

} // namespace sosoik::app
