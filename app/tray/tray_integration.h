#pragma once
// Everything the tray feature adds to the app, behind one object the shell (AppContext) creates:
//   TrayIntegration tray(&qmlEngine, &worker, &storage, &answers, &settings, &store); // before Main.qml
//   tray.attachMainWindow(mainWindow);                                                 // after
//   instance.requestReceived -> tray.handleRequest
// It owns the quick-query controller and popup, the tray icon, the global hotkey and the background-life
// settings; the shell gives QML hotkeySettings() and backgroundSettings() (the singletons HotkeySettings and
// BackgroundSettings, shell/qml_types.h).
#include "hotkey/global_hotkey.h"

#include <QObject>
#include <QPointer>
#include <QSettings>
#include <QWindow>

#include <memory>

class QQmlEngine;

namespace sosoik::storage {
class Storage;
}

namespace sosoik::app {

class AnswerStreams;
class AppSettings;
class BackgroundSettings;
class EngineWorker;
class HotkeySettings;
struct InstanceRequest;
class QuickQueryController;
class QuickQueryPopup;
class TrayController;

class TrayIntegration : public QObject {
    Q_OBJECT
public:
    // hotkey: the platform backend; null = GlobalHotkey::createForPlatform().
    // answers: where quick answers stream (see QuickQueryController).
    TrayIntegration(QQmlEngine* engine, EngineWorker* worker, storage::Storage* storage, AnswerStreams* answers,
                    AppSettings* settings, QSettings* store, std::unique_ptr<GlobalHotkey> hotkey = nullptr,
                    QObject* parent = nullptr);
    ~TrayIntegration() override;

    // Takes over the main window's close button (hide to tray when that setting is on) and shows it unless
    // started minimized with a tray to come back from. Returns whether the window was shown.
    bool attachMainWindow(QWindow* window, bool startMinimizedFlag = false);
    // Whether attachMainWindow will keep the window hidden: load Main.qml with visible = !this, so a
    // window started minimized to the tray never flashes on screen.
    bool startsHidden(bool startMinimizedFlag) const;

    QuickQueryController* quickQuery() const { return m_controller.get(); }
    QuickQueryPopup* popup() const { return m_popup.get(); }
    TrayController* tray() const { return m_tray.get(); }
    HotkeySettings* hotkeySettings() const { return m_hotkeySettings.get(); }
    BackgroundSettings* backgroundSettings() const { return m_background.get(); }

public slots:
    void showMainWindow();
    // What a second launch asked for (see SingleInstance).
    void handleRequest(const sosoik::app::InstanceRequest& request);

signals:
    // The chat feature opens this conversation in the main window.
    void continueInChatRequested(qint64 conversationId);
    // Files of a later launch that the quick-query popup did not take (it takes the first one when
    // idle): the main window summarizes them.
    void filesOpened(const QStringList& paths);
    // A file dropped on the popup is too long for one answer: the main window summarizes all of it.
    void summarizeInMainWindowRequested(const QString& path);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    std::unique_ptr<QuickQueryController> m_controller;
    std::unique_ptr<QuickQueryPopup> m_popup;
    std::unique_ptr<GlobalHotkey> m_hotkey;
    std::unique_ptr<HotkeySettings> m_hotkeySettings;
    std::unique_ptr<TrayController> m_tray;
    std::unique_ptr<BackgroundSettings> m_background;
    QPointer<QWindow> m_mainWindow;
    bool m_toldAboutTray = false;
};

} // namespace sosoik::app
