#include "hotkey/display_session.h"

#include <QGuiApplication>

namespace sosoik::app {

DisplaySession detectDisplaySession(const QString& platform, const QString& waylandDisplay,
                                    const QString& sessionType) {
    if (platform.startsWith(QLatin1String("wayland"))) return DisplaySession::Wayland;
    if (platform != QLatin1String("xcb")) return DisplaySession::Other;
    const bool waylandSession =
        !waylandDisplay.isEmpty() || sessionType.compare(QLatin1String("wayland"), Qt::CaseInsensitive) == 0;
    return waylandSession ? DisplaySession::XWayland : DisplaySession::X11;
}

DisplaySession currentDisplaySession() {
    return detectDisplaySession(QGuiApplication::platformName(), qEnvironmentVariable("WAYLAND_DISPLAY"),
                                qEnvironmentVariable("XDG_SESSION_TYPE"));
}

} // namespace sosoik::app
