#include "hotkey/global_hotkey.h"

#include <QGuiApplication>

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

std::unique_ptr<GlobalHotkey> GlobalHotkey::createForPlatform() {
#ifdef Q_OS_WIN
    return std::make_unique<WindowsGlobalHotkey>();
#elif defined(Q_OS_MACOS)
    return std::make_unique<UnavailableGlobalHotkey>(tr(
        "global shortcuts are not implemented on macOS yet; use the tray icon or run `sosoik --quick-query` "
        "from a shortcut set in System Settings."));
#else
    const QString platform = QGuiApplication::platformName();
    if (platform == QLatin1String("xcb")) {
#ifdef SOSOIK_HAVE_XCB
        return std::make_unique<X11GlobalHotkey>();
#else
        return std::make_unique<UnavailableGlobalHotkey>(
            tr("this build of Sosoik was made without XCB support, so it cannot grab keys on X11."));
#endif
    }
    if (platform.startsWith(QLatin1String("wayland"))) {
        return std::make_unique<UnavailableGlobalHotkey>(
            tr("Wayland does not let applications grab keys. Bind a shortcut in your desktop's keyboard "
               "settings to the command `sosoik --quick-query` instead."));
    }
    return std::make_unique<UnavailableGlobalHotkey>(
        tr("the \"%1\" display platform has no global shortcuts.").arg(platform));
#endif
}

} // namespace sosoik::app
