#include "tray/quick_query_popup.h"

#include "tray/popup_placement.h"
#include "tray/quick_query_controller.h"

#include <QCursor>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QScreen>

namespace sosoik::app {

QuickQueryPopup::QuickQueryPopup(QQmlEngine* engine, QuickQueryController* controller, QObject* parent)
    : QObject(parent) {
    QQmlComponent component(engine, QUrl(QStringLiteral("qrc:/qml/tray/QuickQueryPopup.qml")));
    QObject* object =
        component.createWithInitialProperties({{"controller", QVariant::fromValue(controller)}});
    m_window = qobject_cast<QQuickWindow*>(object);
    if (!m_window) {
        m_error = component.errorString();
        qWarning("Sosoik: the quick-query popup could not be created: %s", qPrintable(m_error));
        delete object;
        return;
    }
    connect(m_window, &QWindow::visibleChanged, this, &QuickQueryPopup::visibleChanged);
    // Continuing in the main window means the popup's job is done.
    connect(controller, &QuickQueryController::continueInChatRequested, this, &QuickQueryPopup::hide);
}

QuickQueryPopup::~QuickQueryPopup() {
    delete m_window.data();
}

bool QuickQueryPopup::isVisible() const {
    return m_window && m_window->isVisible();
}

void QuickQueryPopup::showNear(const QRect& anchor) {
    if (!m_window) return;
    const QPoint cursor = QCursor::pos();
    QScreen* screen =
        anchor.isValid() ? QGuiApplication::screenAt(anchor.center()) : QGuiApplication::screenAt(cursor);
    if (!screen) screen = QGuiApplication::primaryScreen();
    if (screen) {
        m_window->setScreen(screen);
        m_window->setPosition(popupPosition(m_window->size(), anchor, cursor, screen->availableGeometry()));
    }
    m_window->show();
    m_window->raise();
    m_window->requestActivate();
}

void QuickQueryPopup::hide() {
    if (m_window) m_window->hide();
}

void QuickQueryPopup::toggle(const QRect& anchor) {
    if (isVisible())
        hide();
    else
        showNear(anchor);
}

} // namespace sosoik::app
