#pragma once
// Where the quick-query popup appears: next to the tray icon when its geometry is known (above it when the
// panel is at the bottom, below it when at the top), otherwise just below-right of the mouse cursor; always
// fully inside the screen's available area.
#include <QPoint>
#include <QRect>
#include <QSize>

namespace sosoik::app {

QPoint popupPosition(const QSize& popup, const QRect& trayIcon, const QPoint& cursor, const QRect& available);

} // namespace sosoik::app
