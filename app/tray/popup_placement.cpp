#include "tray/popup_placement.h"

#include <algorithm>

namespace sosoik::app {

namespace {
constexpr int kGap = 8;
// Panels (and so tray icons) lie just outside the work area; this much margin still counts as "by the
// screen".
constexpr int kPanelSlack = 128;
} // namespace

QPoint popupPosition(const QSize& popup, const QRect& trayIcon, const QPoint& cursor,
                     const QRect& available) {
    QPoint at;
    if (trayIcon.isValid() &&
        available.adjusted(-kPanelSlack, -kPanelSlack, kPanelSlack, kPanelSlack).intersects(trayIcon)) {
        const bool panelAtBottom = trayIcon.center().y() > available.center().y();
        at.setX(trayIcon.right() - popup.width() + 1); // right edges aligned: most trays sit on the right
        at.setY(panelAtBottom ? trayIcon.top() - popup.height() - kGap : trayIcon.bottom() + kGap + 1);
    } else {
        at = cursor + QPoint(kGap, kGap);
    }
    // Clamp inside the work area (a popup larger than it keeps its top-left corner visible).
    at.setX(std::max(available.left(), std::min(at.x(), available.right() - popup.width() + 1)));
    at.setY(std::max(available.top(), std::min(at.y(), available.bottom() - popup.height() + 1)));
    return at;
}

} // namespace sosoik::app
