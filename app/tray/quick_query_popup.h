#pragma once
// Owns the popup window (QuickQueryPopup.qml) and puts it on screen near the tray icon or the cursor.
#include <QObject>
#include <QPointer>
#include <QQuickWindow>
#include <QRect>

class QQmlEngine;

namespace sosoik::app {

class QuickQueryController;

class QuickQueryPopup : public QObject {
    Q_OBJECT
public:
    // engine: the app's QML engine (shared with the main window); the popup is created at once but hidden.
    QuickQueryPopup(QQmlEngine* engine, QuickQueryController* controller, QObject* parent = nullptr);
    ~QuickQueryPopup() override;

    QQuickWindow* window() const { return m_window; }
    bool isVisible() const;
    QString errorString() const { return m_error; }

public slots:
    // anchor: the tray icon's geometry, or an empty rect to place it by the mouse cursor.
    void showNear(const QRect& anchor = {});
    void hide();
    void toggle(const QRect& anchor = {});

signals:
    void visibleChanged(bool visible);

private:
    void place();

    QPointer<QQuickWindow> m_window;
    QRect m_anchor;  // the tray icon's geometry when shown from it
    QPoint m_cursor; // the pointer when shown
    QString m_error;
};

} // namespace sosoik::app
