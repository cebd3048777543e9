#include "tray/tray_integration.h"

#include "documents/document_extractor.h"
#include "hotkey/global_hotkey.h"
#include "hotkey/hotkey_settings.h"
#include "instance/single_instance.h"
#include "tray/background_settings.h"
#include "tray/quick_query_controller.h"
#include "tray/quick_query_popup.h"
#include "tray/tray_controller.h"

#include <QCloseEvent>
#include <QGuiApplication>
#include <QQmlEngine>

namespace sosoik::app {

TrayIntegration::TrayIntegration(QQmlEngine* engine, EngineWorker* worker, storage::Storage* storage,
                                 AnswerStreams* answers, AppSettings* settings, QSettings* store,
                                 std::unique_ptr<GlobalHotkey> hotkey, QObject* parent)
    : QObject(parent) {
    m_controller = std::make_unique<QuickQueryController>(worker, storage, answers, settings);
    // Dropped PDFs, Word/Hangul files and legacy-encoded text are read by the document extractor.
    m_controller->setTextExtractor([](const QString& path, qsizetype maxChars, QString* error) {
        return documents::extractLeadingText(path, maxChars, error);
    });
    m_controller->setLongDocumentHandOff(true);
    m_popup = std::make_unique<QuickQueryPopup>(engine, m_controller.get());
    m_tray = std::make_unique<TrayController>(worker, m_controller.get(), m_popup.get());
    m_background = std::make_unique<BackgroundSettings>(store, m_tray->trayAvailable());
    m_hotkey = hotkey ? std::move(hotkey) : GlobalHotkey::createForPlatform();
    m_hotkeySettings = std::make_unique<HotkeySettings>(store, m_hotkey.get());

    connect(m_hotkeySettings.get(), &HotkeySettings::activated, m_popup.get(),
            [this] { m_popup->showNear(); });
    connect(m_tray.get(), &TrayController::openMainWindowRequested, this, &TrayIntegration::showMainWindow);
    connect(m_tray.get(), &TrayController::quitRequested, qApp, &QCoreApplication::quit,
            Qt::QueuedConnection);
    connect(m_controller.get(), &QuickQueryController::longDocumentDropped, this,
            [this](const QString& path) {
                // The main window takes over: the popup closes and forgets the file (issue #13: it stayed
                // open naming the previous file).
                m_popup->hide();
                m_controller->reset();
                showMainWindow();
                emit summarizeInMainWindowRequested(path);
            });
    connect(m_controller.get(), &QuickQueryController::continueInChatRequested, this, [this](qint64 id) {
        showMainWindow();
        emit continueInChatRequested(id);
    });
    // With a tray the app lives on when its windows are gone; quitting is explicit (tray menu, or closing
    // the main window with "keep running in the tray" off).
    if (m_tray->trayAvailable()) QGuiApplication::setQuitOnLastWindowClosed(false);

    // QML reaches hotkeySettings() and backgroundSettings() as singletons the shell provides
    // (shell/qml_types.h); the popup gets its controller as a property (quick_query_popup.cpp).
}

TrayIntegration::~TrayIntegration() {
    if (m_mainWindow) m_mainWindow->removeEventFilter(this);
}

bool TrayIntegration::attachMainWindow(QWindow* window, bool startMinimizedFlag) {
    m_mainWindow = window;
    if (!window) return false;
    window->installEventFilter(this);
    const bool hidden = startsHidden(startMinimizedFlag);
    if (hidden)
        window->hide();
    else
        window->show();
    return !hidden;
}

bool TrayIntegration::startsHidden(bool startMinimizedFlag) const {
    return m_tray->trayAvailable() && (startMinimizedFlag || m_background->startMinimized());
}

void TrayIntegration::showMainWindow() {
    if (!m_mainWindow) return;
    if (m_mainWindow->windowStates() & Qt::WindowMinimized)
        m_mainWindow->setWindowStates(m_mainWindow->windowStates() & ~Qt::WindowMinimized);
    m_mainWindow->show();
    m_mainWindow->raise();
    m_mainWindow->requestActivate();
}

void TrayIntegration::handleRequest(const InstanceRequest& request) {
    switch (request.action) {
    case InstanceRequest::Action::Activate:
        showMainWindow();
        break;
    case InstanceRequest::Action::QuickQuery:
        m_popup->showNear();
        break;
    case InstanceRequest::Action::OpenFiles: {
        QStringList rest = request.files;
        // An idle popup takes the first file; a busy one takes none, so none is lost.
        if (!rest.isEmpty() && !m_controller->busy()) {
            m_popup->showNear(); // shows the summary, or why there is none (hidden again if handed over)
            m_controller->summarizeFile(rest.takeFirst());
        }
        if (!rest.isEmpty()) emit filesOpened(rest);
        break;
    }
    }
}

bool TrayIntegration::eventFilter(QObject* watched, QEvent* event) {
    if (watched != m_mainWindow || event->type() != QEvent::Close)
        return QObject::eventFilter(watched, event);
    if (!m_background->closeToTray()) {
        // No tray to come back from (or the user wants close to mean quit): quit once the window is gone.
        if (m_tray->trayAvailable())
            QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
        return false;
    }
    event->ignore();
    m_mainWindow->hide();
    if (!m_toldAboutTray && m_tray->trayIcon()) {
        m_toldAboutTray = true;
        m_tray->trayIcon()->showMessage(
            tr("Sosoik is still running"),
            tr("Click the tray icon or press %1 for a quick question.").arg(m_hotkeySettings->sequence()),
            QSystemTrayIcon::Information, 4000);
    }
    return true;
}

} // namespace sosoik::app
