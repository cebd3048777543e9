#include "tray/tray_controller.h"

#include "inference/engine_worker.h"
#include "tray/quick_query_controller.h"
#include "tray/quick_query_popup.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>

namespace sosoik::app {

TrayController::TrayController(EngineWorker* worker, QuickQueryController* controller, QuickQueryPopup* popup,
                               QObject* parent)
    : QObject(parent), m_controller(controller), m_popup(popup), m_menu(std::make_unique<QMenu>()) {
    buildMenu();
    connect(worker, &EngineWorker::modelLoadStarted, this,
            [this](int, const QString& path) { setModel(ModelState::Loading, path); });
    connect(worker, &EngineWorker::modelLoaded, this, [this](int, const ModelDetails& details) {
        setModel(ModelState::Loaded, details.path, details.name, details.backendName);
    });
    connect(worker, &EngineWorker::modelLoadFailed, this,
            [this](int, const QString&, const QString&) { setModel(ModelState::None); });
    // Issue #13: the menu stayed English after switching to 한국어 until a restart. Installing a
    // translator sends LanguageChange to the application object.
    QCoreApplication::instance()->installEventFilter(this);
    connect(worker, &EngineWorker::modelUnloaded, this, &TrayController::onModelUnloaded);
    connect(this, &TrayController::unloadModelRequested, worker, [worker] { worker->unloadModel(); });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_trayIcon = std::make_unique<QSystemTrayIcon>(appIcon());
        m_trayIcon->setContextMenu(m_menu.get());
        retranslate();
        connect(m_trayIcon.get(), &QSystemTrayIcon::activated, this, &TrayController::onActivated);
        m_trayIcon->show();
    } else {
        m_notice = tr("No system tray is available, so Sosoik runs without a tray icon; closing the main "
                      "window quits. The quick query still opens with the global shortcut.");
        qInfo("Sosoik: %s", qPrintable(m_notice));
    }
}

TrayController::~TrayController() = default;

bool TrayController::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) retranslate();
    return QObject::eventFilter(watched, event);
}

void TrayController::retranslate() {
    m_quickQuery->setText(tr("Quick query"));
    m_open->setText(tr("Open Sosoik"));
    m_summarizeClipboard->setText(tr("Summarize clipboard"));
    m_unload->setText(tr("Unload model"));
    m_quit->setText(tr("Quit"));
    setModel(m_modelState, m_modelPath, m_modelName, m_modelBackend);
}

void TrayController::setModelNamer(ModelNamer namer) {
    m_namer = std::move(namer);
    setModel(m_modelState, m_modelPath, m_modelName, m_modelBackend);
}

void TrayController::buildMenu() {
    m_quickQuery = m_menu->addAction(QString());
    connect(m_quickQuery, &QAction::triggered, this, [this] { m_popup->showNear(iconGeometry()); });
    m_open = m_menu->addAction(QString());
    connect(m_open, &QAction::triggered, this, &TrayController::openMainWindowRequested);
    m_summarizeClipboard = m_menu->addAction(QString());
    connect(m_summarizeClipboard, &QAction::triggered, this, [this] {
        // Shown either way: it displays the summary, or why there is none (empty clipboard, still busy).
        m_controller->summarizeText(QGuiApplication::clipboard()->text());
        m_popup->showNear(iconGeometry());
    });
    m_menu->addSeparator();
    m_modelStatus = m_menu->addAction(QString());
    m_modelStatus->setEnabled(false); // information, not a command
    m_unload = m_menu->addAction(QString());
    connect(m_unload, &QAction::triggered, this, &TrayController::unloadModelRequested);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(QString());
    connect(m_quit, &QAction::triggered, this, &TrayController::quitRequested);
    retranslate();
}

QString TrayController::modelStatus() const {
    return m_modelStatus->text();
}

void TrayController::setModel(ModelState state, const QString& path, const QString& ownName,
                              const QString& backend) {
    m_modelState = state;
    m_modelPath = path;
    m_modelName = ownName;
    m_modelBackend = backend;
    // Asked again on every call (retranslate included): a built-in model's name is in the UI language.
    QString name = m_namer ? m_namer(path) : QString();
    if (name.isEmpty()) name = ownName.isEmpty() ? QFileInfo(path).fileName() : ownName;
    QString status = tr("No model loaded");
    if (state == ModelState::Loading)
        status = tr("Loading %1…").arg(name);
    else if (state == ModelState::Loaded)
        status = backend.isEmpty() ? tr("Model: %1").arg(name) : tr("Model: %1 on %2").arg(name, backend);
    m_modelStatus->setText(status);
    m_unload->setEnabled(state == ModelState::Loaded);
    if (m_trayIcon) m_trayIcon->setToolTip(tr("Sosoik — %1").arg(status));
    emit modelStatusChanged();
}

void TrayController::onModelUnloaded() {
    setModel(ModelState::None);
}

QRect TrayController::iconGeometry() const {
    return m_trayIcon ? m_trayIcon->geometry() : QRect();
}

void TrayController::onActivated(QSystemTrayIcon::ActivationReason reason) {
    if (reason == QSystemTrayIcon::Trigger)
        m_popup->toggle(iconGeometry());
    else if (reason == QSystemTrayIcon::DoubleClick)
        emit openMainWindowRequested();
}

QIcon TrayController::appIcon() {
    const QIcon themed = QIcon::fromTheme(QStringLiteral("sosoik"));
    if (!themed.isNull()) return themed;
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(QColor(0x1f, 0x8a, 0x70));
        painter.setPen(Qt::NoPen);
        painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.22, size * 0.22);
        // Two small speech dots and one big: "small, small, big" — 소소익선.
        painter.setBrush(Qt::white);
        painter.drawEllipse(QRectF(size * 0.18, size * 0.56, size * 0.18, size * 0.18));
        painter.drawEllipse(QRectF(size * 0.40, size * 0.56, size * 0.18, size * 0.18));
        painter.drawEllipse(QRectF(size * 0.50, size * 0.18, size * 0.32, size * 0.32));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace sosoik::app
