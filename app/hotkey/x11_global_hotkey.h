#pragma once
// X11 backend: grabs the key on the root window through Qt's own XCB connection and watches the key
// presses in a native event filter.
#ifdef SOSOIK_HAVE_XCB
#include "hotkey/global_hotkey.h"

#include <QAbstractNativeEventFilter>
#include <cstdint>

struct xcb_connection_t;

namespace sosoik::app {

class X11GlobalHotkey : public GlobalHotkey, public QAbstractNativeEventFilter {
    Q_OBJECT
public:
    explicit X11GlobalHotkey(QObject* parent = nullptr);
    ~X11GlobalHotkey() override;

    QString unavailableReason() const override { return m_unavailable; }
    bool setShortcut(const QKeySequence& sequence) override;
    void clearShortcut() override;
    bool nativeEventFilter(const QByteArray& eventType, void* message, qintptr* result) override;

private:
    std::uint8_t keycodeForKeysym(std::uint32_t keysym) const;
    std::uint16_t numLockMask() const;
    void ungrab();

    xcb_connection_t* m_connection = nullptr;
    std::uint32_t m_root = 0;
    QString m_unavailable;
    std::uint8_t m_keycode = 0;
    std::uint16_t m_modifiers = 0;
    std::uint16_t m_numLock = 0;
};

} // namespace sosoik::app
#endif
