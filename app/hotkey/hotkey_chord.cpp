#include "hotkey/hotkey_chord.h"

namespace sosoik::app {

namespace {
bool isModifierKey(int key) {
    return key == Qt::Key_Control || key == Qt::Key_Shift || key == Qt::Key_Alt || key == Qt::Key_Meta ||
           key == Qt::Key_AltGr || key == Qt::Key_Super_L || key == Qt::Key_Super_R;
}
} // namespace

std::optional<HotkeyChord> chordFromSequence(const QKeySequence& sequence) {
    if (sequence.count() != 1) return std::nullopt;
    const QKeyCombination combination = sequence[0];
    const Qt::Key key = combination.key();
    if (key == Qt::Key_unknown || key == 0 || isModifierKey(key)) return std::nullopt;
    const Qt::KeyboardModifiers modifiers = combination.keyboardModifiers();
    if (!(modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))) {
        // Function keys are fine on their own; a bare letter or Space is not a global shortcut.
        if (key < Qt::Key_F1 || key > Qt::Key_F35) return std::nullopt;
    }
    return HotkeyChord{key, modifiers};
}

std::uint32_t x11KeysymForKey(Qt::Key key) {
    const int k = key;
    if (k >= Qt::Key_A && k <= Qt::Key_Z) return static_cast<std::uint32_t>(k - Qt::Key_A + 'a');
    if (k >= 0x20 && k <= 0x7e) return static_cast<std::uint32_t>(k); // Latin-1 printable: keysym == code
    if (k >= Qt::Key_F1 && k <= Qt::Key_F35) return 0xffbe + static_cast<std::uint32_t>(k - Qt::Key_F1);
    switch (key) {
    case Qt::Key_Return:
        return 0xff0d;
    case Qt::Key_Enter:
        return 0xff8d;
    case Qt::Key_Escape:
        return 0xff1b;
    case Qt::Key_Tab:
        return 0xff09;
    case Qt::Key_Backspace:
        return 0xff08;
    case Qt::Key_Insert:
        return 0xff63;
    case Qt::Key_Delete:
        return 0xffff;
    case Qt::Key_Home:
        return 0xff50;
    case Qt::Key_End:
        return 0xff57;
    case Qt::Key_PageUp:
        return 0xff55;
    case Qt::Key_PageDown:
        return 0xff56;
    case Qt::Key_Left:
        return 0xff51;
    case Qt::Key_Up:
        return 0xff52;
    case Qt::Key_Right:
        return 0xff53;
    case Qt::Key_Down:
        return 0xff54;
    case Qt::Key_Pause:
        return 0xff13;
    case Qt::Key_Print:
        return 0xff61;
    default:
        return 0;
    }
}

std::uint16_t x11ModifierMask(Qt::KeyboardModifiers modifiers) {
    std::uint16_t mask = 0;
    if (modifiers & Qt::ShiftModifier) mask |= 1;
    if (modifiers & Qt::ControlModifier) mask |= 4;
    if (modifiers & Qt::AltModifier) mask |= 8;
    if (modifiers & Qt::MetaModifier) mask |= 64;
    return mask;
}

std::uint32_t windowsVirtualKeyForKey(Qt::Key key) {
    const int k = key;
    if (k >= Qt::Key_A && k <= Qt::Key_Z) return static_cast<std::uint32_t>(k); // VK_A.. == 'A'..
    if (k >= Qt::Key_0 && k <= Qt::Key_9) return static_cast<std::uint32_t>(k);
    if (k >= Qt::Key_F1 && k <= Qt::Key_F24) return 0x70 + static_cast<std::uint32_t>(k - Qt::Key_F1);
    switch (key) {
    case Qt::Key_Space:
        return 0x20;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return 0x0d;
    case Qt::Key_Escape:
        return 0x1b;
    case Qt::Key_Tab:
        return 0x09;
    case Qt::Key_Backspace:
        return 0x08;
    case Qt::Key_Insert:
        return 0x2d;
    case Qt::Key_Delete:
        return 0x2e;
    case Qt::Key_Home:
        return 0x24;
    case Qt::Key_End:
        return 0x23;
    case Qt::Key_PageUp:
        return 0x21;
    case Qt::Key_PageDown:
        return 0x22;
    case Qt::Key_Left:
        return 0x25;
    case Qt::Key_Up:
        return 0x26;
    case Qt::Key_Right:
        return 0x27;
    case Qt::Key_Down:
        return 0x28;
    case Qt::Key_Pause:
        return 0x13;
    case Qt::Key_Print:
        return 0x2c;
    default:
        return 0;
    }
}

std::uint32_t windowsModifierFlags(Qt::KeyboardModifiers modifiers) {
    std::uint32_t flags = 0x4000; // MOD_NOREPEAT: holding the keys must not re-open the popup endlessly
    if (modifiers & Qt::AltModifier) flags |= 0x0001;
    if (modifiers & Qt::ControlModifier) flags |= 0x0002;
    if (modifiers & Qt::ShiftModifier) flags |= 0x0004;
    if (modifiers & Qt::MetaModifier) flags |= 0x0008;
    return flags;
}

} // namespace sosoik::app
