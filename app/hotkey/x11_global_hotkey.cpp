#ifdef SOSOIK_HAVE_XCB
#include "hotkey/x11_global_hotkey.h"

#include "hotkey/hotkey_chord.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <xcb/xcb.h>

#include <array>
#include <cstdlib>

namespace sosoik::app {

namespace {
constexpr std::uint32_t kNumLockKeysym = 0xff7f;
// Only these modifiers take part in matching; button and lock states do not.
constexpr std::uint16_t kRelevantModifiers =
    XCB_MOD_MASK_SHIFT | XCB_MOD_MASK_CONTROL | XCB_MOD_MASK_1 | XCB_MOD_MASK_4;
} // namespace

X11GlobalHotkey::X11GlobalHotkey(QObject* parent) : GlobalHotkey(parent) {
    auto* x11 = qApp ? qApp->nativeInterface<QNativeInterface::QX11Application>() : nullptr;
    m_connection = x11 ? x11->connection() : nullptr;
    if (!m_connection) {
        m_unavailable = tr("no X11 connection is available.");
        return;
    }
    const xcb_setup_t* setup = xcb_get_setup(m_connection);
    m_root = xcb_setup_roots_iterator(setup).data->root;
    QCoreApplication::instance()->installNativeEventFilter(this);
}

X11GlobalHotkey::~X11GlobalHotkey() {
    ungrab();
    if (QCoreApplication::instance()) QCoreApplication::instance()->removeNativeEventFilter(this);
}

std::uint8_t X11GlobalHotkey::keycodeForKeysym(std::uint32_t keysym) const {
    const xcb_setup_t* setup = xcb_get_setup(m_connection);
    const std::uint8_t first = setup->min_keycode;
    const std::uint8_t count = setup->max_keycode - first + 1;
    auto* reply = xcb_get_keyboard_mapping_reply(
        m_connection, xcb_get_keyboard_mapping(m_connection, first, count), nullptr);
    if (!reply) return 0;
    const xcb_keysym_t* keysyms = xcb_get_keyboard_mapping_keysyms(reply);
    const int perKeycode = reply->keysyms_per_keycode;
    std::uint8_t found = 0;
    // Only the first two columns (plain and shifted): later ones are other groups/layouts.
    for (int column = 0; column < std::min(perKeycode, 2) && !found; ++column)
        for (int index = 0; index < count; ++index)
            if (keysyms[index * perKeycode + column] == keysym) {
                found = static_cast<std::uint8_t>(first + index);
                break;
            }
    std::free(reply);
    return found;
}

std::uint16_t X11GlobalHotkey::numLockMask() const {
    // NumLock is usually Mod2, but the server's modifier map is the authority.
    const std::uint8_t numLock = keycodeForKeysym(kNumLockKeysym);
    if (!numLock) return 0;
    auto* reply =
        xcb_get_modifier_mapping_reply(m_connection, xcb_get_modifier_mapping(m_connection), nullptr);
    if (!reply) return 0;
    const xcb_keycode_t* codes = xcb_get_modifier_mapping_keycodes(reply);
    std::uint16_t mask = 0;
    for (int modifier = 0; modifier < 8 && !mask; ++modifier)
        for (int i = 0; i < reply->keycodes_per_modifier; ++i)
            if (codes[modifier * reply->keycodes_per_modifier + i] == numLock) {
                mask = static_cast<std::uint16_t>(1u << modifier);
                break;
            }
    std::free(reply);
    return mask;
}

bool X11GlobalHotkey::setShortcut(const QKeySequence& sequence) {
    ungrab();
    m_error.clear();
    if (!m_unavailable.isEmpty()) {
        m_error = m_unavailable;
        return false;
    }
    const auto chord = chordFromSequence(sequence);
    const std::uint32_t keysym = chord ? x11KeysymForKey(chord->key) : 0;
    if (!keysym) {
        m_error = tr("\"%1\" is not a usable global shortcut: use one key with Ctrl, Alt or Meta.")
                      .arg(sequence.toString(QKeySequence::NativeText));
        return false;
    }
    const std::uint8_t keycode = keycodeForKeysym(keysym);
    if (!keycode) {
        m_error =
            tr("The keyboard layout has no key for \"%1\".").arg(sequence.toString(QKeySequence::NativeText));
        return false;
    }
    const std::uint16_t modifiers = x11ModifierMask(chord->modifiers);
    m_numLock = numLockMask();
    // X matches grabs on the exact modifier state, so CapsLock/NumLock being on needs grabs of their own.
    const std::array<std::uint16_t, 4> lockVariants{
        0, XCB_MOD_MASK_LOCK, m_numLock, static_cast<std::uint16_t>(XCB_MOD_MASK_LOCK | m_numLock)};
    std::array<xcb_void_cookie_t, 4> cookies{};
    for (std::size_t i = 0; i < lockVariants.size(); ++i)
        cookies[i] = xcb_grab_key_checked(m_connection, 1, m_root, modifiers | lockVariants[i], keycode,
                                          XCB_GRAB_MODE_ASYNC, XCB_GRAB_MODE_ASYNC);
    bool taken = false;
    for (const xcb_void_cookie_t& cookie : cookies)
        if (xcb_generic_error_t* error = xcb_request_check(m_connection, cookie)) {
            taken = true; // BadAccess: another client holds this combination
            std::free(error);
        }
    m_keycode = keycode;
    m_modifiers = modifiers;
    if (taken) {
        ungrab();
        m_error = tr("%1 is already used by another application; choose another shortcut.")
                      .arg(sequence.toString(QKeySequence::NativeText));
        return false;
    }
    m_shortcut = sequence;
    return true;
}

void X11GlobalHotkey::clearShortcut() {
    ungrab();
    m_shortcut = {};
}

void X11GlobalHotkey::ungrab() {
    if (!m_connection || !m_keycode) return;
    // Ungrab only the combinations we grabbed; a failed grab's ungrab is harmless (it only affects ours).
    for (std::uint16_t lock : {std::uint16_t(0), std::uint16_t(XCB_MOD_MASK_LOCK), m_numLock,
                               std::uint16_t(XCB_MOD_MASK_LOCK | m_numLock)})
        xcb_ungrab_key(m_connection, m_keycode, m_root, m_modifiers | lock);
    xcb_flush(m_connection);
    m_keycode = 0;
    m_modifiers = 0;
}

bool X11GlobalHotkey::nativeEventFilter(const QByteArray& eventType, void* message, qintptr* result) {
    Q_UNUSED(result);
    if (!m_keycode || eventType != "xcb_generic_event_t") return false;
    auto* event = static_cast<xcb_generic_event_t*>(message);
    if ((event->response_type & ~0x80) != XCB_KEY_PRESS) return false;
    auto* press = reinterpret_cast<xcb_key_press_event_t*>(event);
    if (press->detail != m_keycode || (press->state & kRelevantModifiers) != m_modifiers) return false;
    emit activated();
    return true;
}

} // namespace sosoik::app
#endif
