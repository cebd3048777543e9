#pragma once
// The system-tray icon and its menu. Left click toggles the quick-query popup; the menu offers Quick query,
// Open Sosoik, Summarize clipboard, the model status (loaded model and device), Unload model and Quit.
// Without a system tray (no tray host, offscreen, some Wayland desktops) it says so once and the rest of the
// app works as usual: the menu still exists, there is just no icon to open it from.
#include <QMenu>
#include <QObject>
#include <QSystemTrayIcon>

#include <functional>
#include <memory>

namespace sosoik::app {

class EngineWorker;
struct ModelDetails;
class QuickQueryController;
class QuickQueryPopup;

class TrayController : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool trayAvailable READ trayAvailable CONSTANT)
    Q_PROPERTY(QString modelStatus READ modelStatus NOTIFY modelStatusChanged)
public:
    TrayController(EngineWorker* worker, QuickQueryController* controller, QuickQueryPopup* popup,
                   QObject* parent = nullptr);
    ~TrayController() override;

    bool trayAvailable() const { return m_trayIcon != nullptr; }
    QSystemTrayIcon* trayIcon() const { return m_trayIcon.get(); }
    QMenu* menu() const { return m_menu.get(); }
    QString modelStatus() const;
    // The message shown (once, at start) when there is no tray; empty when there is one.
    QString unavailableNotice() const { return m_notice; }

    QAction* quickQueryAction() const { return m_quickQuery; }
    QAction* openAction() const { return m_open; }
    QAction* summarizeClipboardAction() const { return m_summarizeClipboard; }
    QAction* modelStatusAction() const { return m_modelStatus; }
    QAction* unloadAction() const { return m_unload; }
    QAction* quitAction() const { return m_quit; }

    // The name the user knows a model file by (a built-in model's, from the models feature), or empty for
    // the model's own name. Given by the composition root; the status is named again with it at once.
    using ModelNamer = std::function<QString(const QString& path)>;
    void setModelNamer(ModelNamer namer);

    // The app icon drawn in code, so the tray works even when no icon theme has "sosoik".
    static QIcon appIcon();

public slots:
    void onModelUnloaded();

signals:
    void openMainWindowRequested();
    void unloadModelRequested();
    void quitRequested();
    void modelStatusChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class ModelState { None, Loading, Loaded };
    void buildMenu();
    void retranslate(); // every text of the menu and the icon, in the current language
    void onActivated(QSystemTrayIcon::ActivationReason reason);
    // path: the model file; name: its own name (GGUF), used unless the namer knows a better one.
    void setModel(ModelState state, const QString& path = {}, const QString& name = {},
                  const QString& backend = {});
    QRect iconGeometry() const;

    QuickQueryController* m_controller;
    QuickQueryPopup* m_popup;
    std::unique_ptr<QMenu> m_menu;
    std::unique_ptr<QSystemTrayIcon> m_trayIcon;
    QString m_notice;
    QAction* m_quickQuery = nullptr;
    QAction* m_open = nullptr;
    QAction* m_summarizeClipboard = nullptr;
    QAction* m_modelStatus = nullptr;
    QAction* m_unload = nullptr;
    QAction* m_quit = nullptr;
    ModelState m_modelState = ModelState::None;
    QString m_modelPath;
    QString m_modelName;
    ModelNamer m_namer;
    QString m_modelBackend;
};

} // namespace sosoik::app
