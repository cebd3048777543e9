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
    QQmlComponent component(engine, QUrl(QStringLiteral("qrc:/qt/qml/Sosoik/tray/QuickQueryPopup.qml")));
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
    // A popup that changes size while shown is placed again, so it never grows past the screen's edge.
    for (auto signal : {&QWindow::widthChanged, &QWindow::heightChanged})
        connect(m_window, signal, this, [this] {
            if (isVisible()) place();
        });
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
    m_anchor = anchor;
    m_cursor = QCursor::pos();
    place();
    m_window->show();
    m_window->raise();
    m_window->requestActivate();
}

// On the screen that holds the tray icon, else the one under the pointer (issue #13: the popup could
// end up partly off-screen), fully inside its work area.
void QuickQueryPopup::place() {
    QScreen* screen = m_anchor.isValid() ? QGuiApplication::screenAt(m_anchor.center()) : nullptr;
    if (!screen) screen = QGuiApplication::screenAt(m_cursor);
    if (!screen) screen = QGuiApplication::primaryScreen();
    if (!screen) return;
    const QRect available = screen->availableGeometry();
    const QSize size = m_window->size().boundedTo(available.size());
    if (size != m_window->size()) m_window->resize(size);
    if (m_window->screen() != screen) m_window->setScreen(screen);
    const QPoint at = popupPosition(size, m_anchor, m_cursor, available);
    if (m_window->position() != at) m_window->setPosition(at);
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
