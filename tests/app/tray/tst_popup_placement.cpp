// Where the quick-query popup lands: by the tray icon (above a bottom panel, below a top one) or by the
// cursor, never outside the screen's work area.
#include "tray/popup_placement.h"

#include <QTest>

using sosoik::app::popupPosition;

class TestPopupPlacement : public QObject {
    Q_OBJECT
    const QRect screen{0, 0, 1920, 1040}; // work area above a 40 px bottom panel
    const QSize popup{520, 360};

private slots:
    void aboveABottomRightTrayIcon() {
        const QRect icon(1800, 1045, 24, 24);
        const QPoint at = popupPosition(popup, icon, {}, QRect(0, 0, 1920, 1080));
        QCOMPARE(at.x() + popup.width() - 1, icon.right()); // right edges aligned
        QCOMPARE(at.y() + popup.height() + 8, icon.top());  // just above, with a gap
    }
    void belowATopRightTrayIcon() {
        const QRect icon(1880, 4, 24, 24);
        const QPoint at = popupPosition(popup, icon, {}, QRect(0, 32, 1920, 1048));
        QVERIFY(at.y() >= 32);
        QVERIFY(at.x() + popup.width() <= 1920);
        QCOMPARE(at.x() + popup.width() - 1, 1903);
    }
    void byTheCursorWithoutATrayIcon() {
        QCOMPARE(popupPosition(popup, {}, {400, 300}, screen), QPoint(408, 308));
    }
    void clampedIntoTheWorkArea() {
        const QPoint corner = popupPosition(popup, {}, {1915, 1035}, screen);
        QCOMPARE(corner, QPoint(1920 - 520, 1040 - 360));
        const QPoint leftIcon = popupPosition(popup, QRect(2, 1045, 24, 24), {}, QRect(0, 0, 1920, 1080));
        QCOMPARE(leftIcon.x(), 0);
        // A second monitor to the right: coordinates are absolute.
        const QRect right(1920, 0, 1280, 1024);
        const QPoint there = popupPosition(popup, {}, {3190, 10}, right);
        QCOMPARE(there, QPoint(1920 + 1280 - 520, 18));
    }
    void trayIconOnAnotherScreenFallsBackToTheCursor() {
        QCOMPARE(popupPosition(popup, QRect(5000, 5000, 24, 24), {100, 100}, screen), QPoint(108, 108));
    }
};

QTEST_MAIN(TestPopupPlacement)
#include "tst_popup_placement.moc"
