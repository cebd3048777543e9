#pragma once
// Windows backend: RegisterHotKey on the GUI thread; WM_HOTKEY arrives through Qt's native event filter.
#include <QtGlobal> // defines Q_OS_WIN for the guard below (and for moc)
#ifdef Q_OS_WIN
#include "hotkey/global_hotkey.h"

#include <QAbstractNativeEventFilter>

namespace sosoik::app {

class WindowsGlobalHotkey : public GlobalHotkey, public QAbstractNativeEventFilter {
    Q_OBJECT
public:
    explicit WindowsGlobalHotkey(QObject* parent = nullptr);
    ~WindowsGlobalHotkey() override;

    QString unavailableReason() const override { return {}; }
    bool setShortcut(const QKeySequence& sequence) override;
    void clearShortcut() override;
    bool nativeEventFilter(const QByteArray& eventType, void* message, qintptr* result) override;

private:
    bool m_registered = false;
};

} // namespace sosoik::app
#endif
