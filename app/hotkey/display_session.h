#pragma once
// Which kind of desktop session the app runs in, for the global shortcut (issue #21). Qt's platform
// name alone is not enough: without qt6-wayland a Wayland session runs the app through XWayland
// ("xcb"), where an X11 key grab "succeeds" but fires only while an X11 window has the focus.
#include <QString>

namespace sosoik::app {

enum class DisplaySession {
    X11,      // a real X server: key grabs work everywhere
    XWayland, // the xcb platform inside a Wayland session: key grabs only see X11 windows
    Wayland,  // the native Wayland platform: applications cannot grab keys
    Other,    // offscreen, minimal, eglfs, ...
};

// platform: QGuiApplication::platformName(); waylandDisplay: $WAYLAND_DISPLAY; sessionType:
// $XDG_SESSION_TYPE (logind's word for the session; set even when WAYLAND_DISPLAY was unset).
DisplaySession detectDisplaySession(const QString& platform, const QString& waylandDisplay,
                                    const QString& sessionType);

// The running application's session, from its platform plugin and environment.
DisplaySession currentDisplaySession();

} // namespace sosoik::app
