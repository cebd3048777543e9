#include "hotkey/hotkey_settings.h"

#include "hotkey/hotkey_chord.h"

#include <QCoreApplication>
#include <QEvent>

namespace sosoik::app {

namespace {
constexpr char kSequenceKey[] = "hotkey/sequence";
constexpr char kEnabledKey[] = "hotkey/enabled";
} // namespace

HotkeySettings::HotkeySettings(QSettings* settings, GlobalHotkey* backend, QObject* parent)
    : QObject(parent), m_settings(settings), m_backend(backend) {
    m_sequence = m_settings->value(kSequenceKey, kDefaultSequence).toString();
    if (!chordFromSequence(QKeySequence::fromString(m_sequence, QKeySequence::PortableText)))
        m_sequence = kDefaultSequence; // a hand-edited config must not leave the user without a shortcut
    m_enabled = m_settings->value(kEnabledKey, true).toBool();
    connect(m_backend, &GlobalHotkey::activated, this, &HotkeySettings::activated);
    connect(m_backend, &GlobalHotkey::changed, this, [this] {
        describe();
        emit changed();
    });
    apply();
    // The status (the hotkey hint in Settings) follows a language switch (issue #13).
    if (QCoreApplication::instance()) QCoreApplication::instance()->installEventFilter(this);
}

bool HotkeySettings::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange) {
        describe();
        emit changed();
    }
    return QObject::eventFilter(watched, event);
}

void HotkeySettings::describe() {
    const QString shown =
        QKeySequence::fromString(m_sequence, QKeySequence::PortableText).toString(QKeySequence::NativeText);
    if (!available())
        m_status = tr("Global shortcut unavailable: %1").arg(m_backend->unavailableReason());
    else if (!m_enabled)
        m_status = tr("Global shortcut is off.");
    else if (active())
        // Where the desktop chose the keys (the Wayland portal), its own words for them.
        m_status =
            tr("%1 opens the quick query from any application.")
                .arg(m_backend->triggerDescription().isEmpty() ? shown : m_backend->triggerDescription());
    else
        m_status = m_backend->errorString();
}

bool HotkeySettings::setSequence(const QString& portableText) {
    const QKeySequence sequence =
        QKeySequence::fromString(portableText.trimmed(), QKeySequence::PortableText);
    if (!chordFromSequence(sequence)) {
        m_status = tr("\"%1\" is not a usable shortcut: use one key with Ctrl, Alt or Meta (for example %2).")
                       .arg(portableText, kDefaultSequence);
        emit changed();
        return false;
    }
    m_sequence = sequence.toString(QKeySequence::PortableText);
    m_settings->setValue(kSequenceKey, m_sequence);
    m_settings->sync();
    apply();
    return true;
}

bool HotkeySettings::setFromKeyEvent(int key, int modifiers) {
    const QKeySequence sequence{QKeyCombination(Qt::KeyboardModifiers(modifiers), Qt::Key(key))};
    return setSequence(sequence.toString(QKeySequence::PortableText));
}

void HotkeySettings::setEnabled(bool enabled) {
    if (enabled == m_enabled) return;
    m_enabled = enabled;
    m_settings->setValue(kEnabledKey, enabled);
    m_settings->sync();
    apply();
}

void HotkeySettings::apply() {
    const QKeySequence sequence = QKeySequence::fromString(m_sequence, QKeySequence::PortableText);
    if (!available() || !m_enabled)
        m_backend->clearShortcut();
    else
        m_backend->setShortcut(sequence);
    describe();
    emit changed();
}

} // namespace sosoik::app
