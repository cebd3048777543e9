#pragma once
// A global hotkey is one key plus modifiers; these helpers turn a QKeySequence into what each platform's
// grab API wants. Kept free of platform headers so they can be tested everywhere.
#include <QKeySequence>
#include <cstdint>
#include <optional>

namespace sosoik::app {

struct HotkeyChord {
    Qt::Key key = Qt::Key_unknown;
    Qt::KeyboardModifiers modifiers;
};

// The first (and only allowed) combination of the sequence; nullopt for empty, multi-chord ("Ctrl+K, Ctrl+C")
// or modifier-only sequences, and for a bare key without Ctrl/Alt/Meta (it would steal typing everywhere).
std::optional<HotkeyChord> chordFromSequence(const QKeySequence& sequence);

// X11 keysym for the key (0 when unknown). Letters map to their lowercase keysym, as X keymaps list them.
std::uint32_t x11KeysymForKey(Qt::Key key);
// X11 modifier mask (ShiftMask=1, ControlMask=4, Mod1Mask=8 for Alt, Mod4Mask=64 for Super/Meta).
std::uint16_t x11ModifierMask(Qt::KeyboardModifiers modifiers);

// Windows virtual-key code for the key (0 when unknown) and the RegisterHotKey MOD_* flags.
std::uint32_t windowsVirtualKeyForKey(Qt::Key key);
std::uint32_t windowsModifierFlags(Qt::KeyboardModifiers modifiers);

} // namespace sosoik::app
