#include <QtGlobal>
#ifdef Q_OS_WIN
#include "hotkey/windows_global_hotkey.h"

#include "hotkey/hotkey_chord.h"

#include <QCoreApplication>
#include <windows.h>

namespace sosoik::app {

namespace {
// Any id in 0x0000..0xBFFF is ours to choose for an application (not DLL) hotkey.
constexpr int kHotkeyId = 0x5050;
} // namespace

WindowsGlobalHotkey::WindowsGlobalHotkey(QObject* parent) : GlobalHotkey(parent) {
    QCoreApplication::instance()->installNativeEventFilter(this);
}

WindowsGlobalHotkey::~WindowsGlobalHotkey() {
    clearShortcut();
    if (QCoreApplication::instance()) QCoreApplication::instance()->removeNativeEventFilter(this);
}

bool WindowsGlobalHotkey::setShortcut(const QKeySequence& sequence) {
    clearShortcut();
    m_error.clear();
    const auto chord = chordFromSequence(sequence);
    const UINT virtualKey = chord ? windowsVirtualKeyForKey(chord->key) : 0;
    if (!virtualKey) {
        m_error = tr("\"%1\" is not a usable global shortcut: use one key with Ctrl, Alt or Win.")
                      .arg(sequence.toString(QKeySequence::NativeText));
        return false;
    }
    // A null window posts WM_HOTKEY to this (the GUI) thread's queue.
    if (!RegisterHotKey(nullptr, kHotkeyId, windowsModifierFlags(chord->modifiers), virtualKey)) {
        const DWORD code = GetLastError();
        m_error = code == ERROR_HOTKEY_ALREADY_REGISTERED
                      ? tr("%1 is already used by another application; choose another shortcut.")
                            .arg(sequence.toString(QKeySequence::NativeText))
                      : tr("Windows refused the shortcut %1 (error %2).")
                            .arg(sequence.toString(QKeySequence::NativeText))
                            .arg(code);
        return false;
    }
    m_registered = true;
    m_shortcut = sequence;
    return true;
}

void WindowsGlobalHotkey::clearShortcut() {
    if (m_registered) UnregisterHotKey(nullptr, kHotkeyId);
    m_registered = false;
    m_shortcut = {};
}

bool WindowsGlobalHotkey::nativeEventFilter(const QByteArray& eventType, void* message, qintptr* result) {
    Q_UNUSED(result);
    if (!m_registered) return false;
    if (eventType != "windows_generic_MSG" && eventType != "windows_dispatcher_MSG") return false;
    const MSG* msg = static_cast<const MSG*>(message);
    if (msg->message != WM_HOTKEY || msg->wParam != kHotkeyId) return false;
    emit activated();
    return true;
}

} // namespace sosoik::app
#endif
