// Hotkey chords, the platform choice and the persisted setting (with a scripted backend that can refuse).
#include "hotkey/global_hotkey.h"
#include "hotkey/hotkey_chord.h"
#include "hotkey/hotkey_settings.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;

namespace {
// Records what the settings ask of the platform; can play "another application owns it".
class ScriptedHotkey : public GlobalHotkey {
public:
    QString reason;
    bool refuse = false;
    QList<QKeySequence> grabs;
    int clears = 0;

    QString unavailableReason() const override { return reason; }
    bool setShortcut(const QKeySequence& sequence) override {
        grabs << sequence;
        m_shortcut = {};
        if (refuse) {
            m_error = QStringLiteral("%1 is already used by another application").arg(sequence.toString());
            return false;
        }
        m_shortcut = sequence;
        return true;
    }
    void clearShortcut() override {
        ++clears;
        m_shortcut = {};
    }
    void press() { emit activated(); }
};
} // namespace

class TestHotkeySettings : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString iniPath() const { return m_dir.filePath("sosoik.ini"); }

private slots:
    void init() { QFile::remove(iniPath()); }

    void chordsAcceptOneKeyWithAModifier() {
        auto chord = chordFromSequence(QKeySequence("Ctrl+Alt+Space"));
        QVERIFY(chord);
        QCOMPARE(chord->key, Qt::Key_Space);
        QCOMPARE(chord->modifiers, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(chordFromSequence(QKeySequence("F9")));              // function keys may stand alone
        QVERIFY(!chordFromSequence(QKeySequence("Space")));          // would steal typing
        QVERIFY(!chordFromSequence(QKeySequence("Shift+A")));        // likewise
        QVERIFY(!chordFromSequence(QKeySequence("Ctrl+K, Ctrl+C"))); // multi-chord cannot be grabbed
        QVERIFY(!chordFromSequence(QKeySequence()));
    }

    void chordsMapToPlatformCodes() {
        QCOMPARE(x11KeysymForKey(Qt::Key_Space), 0x20u);
        QCOMPARE(x11KeysymForKey(Qt::Key_Q), 0x71u); // lowercase 'q', as keymaps list letters
        QCOMPARE(x11KeysymForKey(Qt::Key_F1), 0xffbeu);
        QCOMPARE(x11ModifierMask(Qt::ControlModifier | Qt::AltModifier), std::uint16_t(4 | 8));
        QCOMPARE(x11ModifierMask(Qt::MetaModifier | Qt::ShiftModifier), std::uint16_t(64 | 1));
        QCOMPARE(windowsVirtualKeyForKey(Qt::Key_Space), 0x20u);
        QCOMPARE(windowsVirtualKeyForKey(Qt::Key_F12), 0x7Bu);
        QCOMPARE(windowsModifierFlags(Qt::ControlModifier | Qt::AltModifier), 0x4000u | 0x2u | 0x1u);
    }

    void defaultIsCtrlAltSpaceAndItIsGrabbed() {
        QSettings settings(iniPath(), QSettings::IniFormat);
        ScriptedHotkey backend;
        HotkeySettings hotkey(&settings, &backend);
        QCOMPARE(hotkey.sequence(), QStringLiteral("Ctrl+Alt+Space"));
        QCOMPARE(backend.grabs, QList<QKeySequence>{QKeySequence("Ctrl+Alt+Space")});
        QVERIFY(hotkey.active());
        QVERIFY(hotkey.status().contains("any application"));
        QSignalSpy activated(&hotkey, &HotkeySettings::activated);
        backend.press();
        QCOMPARE(activated.count(), 1);
    }

    void chosenShortcutSurvivesARestart() {
        {
            QSettings settings(iniPath(), QSettings::IniFormat);
            ScriptedHotkey backend;
            HotkeySettings hotkey(&settings, &backend);
            QVERIFY(hotkey.setSequence("Meta+Shift+K"));
            QCOMPARE(backend.grabs.last(), QKeySequence("Meta+Shift+K"));
            hotkey.setEnabled(false);
            QVERIFY(backend.clears > 0);
            QVERIFY(!hotkey.active());
        }
        QSettings settings(iniPath(), QSettings::IniFormat);
        ScriptedHotkey backend;
        HotkeySettings hotkey(&settings, &backend);
        QCOMPARE(hotkey.sequence(), QStringLiteral("Meta+Shift+K"));
        QVERIFY(!hotkey.enabled());
        QVERIFY(backend.grabs.isEmpty()); // off means nothing is grabbed at start
        hotkey.setEnabled(true);
        QCOMPARE(backend.grabs, QList<QKeySequence>{QKeySequence("Meta+Shift+K")});
    }

    void recorderKeyEventIsSaved() {
        QSettings settings(iniPath(), QSettings::IniFormat);
        ScriptedHotkey backend;
        HotkeySettings hotkey(&settings, &backend);
        QVERIFY(hotkey.setFromKeyEvent(Qt::Key_J, int(Qt::ControlModifier | Qt::AltModifier)));
        QCOMPARE(hotkey.sequence(), QStringLiteral("Ctrl+Alt+J"));
        QCOMPARE(QSettings(iniPath(), QSettings::IniFormat).value("hotkey/sequence").toString(),
                 QStringLiteral("Ctrl+Alt+J"));
    }

    void invalidShortcutIsRejectedAndNotSaved() {
        QSettings settings(iniPath(), QSettings::IniFormat);
        ScriptedHotkey backend;
        HotkeySettings hotkey(&settings, &backend);
        QVERIFY(!hotkey.setSequence("Space"));
        QVERIFY(!hotkey.setSequence("not a key at all"));
        QVERIFY(hotkey.status().contains("not a usable shortcut"));
        QCOMPARE(hotkey.sequence(), QStringLiteral("Ctrl+Alt+Space"));
        QVERIFY(!QSettings(iniPath(), QSettings::IniFormat).contains("hotkey/sequence"));
    }

    void corruptConfigFallsBackToTheDefault() {
        {
            QSettings settings(iniPath(), QSettings::IniFormat);
            settings.setValue("hotkey/sequence", "Ctrl+K, Ctrl+C");
        }
        QSettings settings(iniPath(), QSettings::IniFormat);
        ScriptedHotkey backend;
        HotkeySettings hotkey(&settings, &backend);
        QCOMPARE(hotkey.sequence(), QStringLiteral("Ctrl+Alt+Space"));
    }

    void shortcutTakenElsewhereIsExplainedButKept() {
        QSettings settings(iniPath(), QSettings::IniFormat);
        ScriptedHotkey backend;
        backend.refuse = true;
        HotkeySettings hotkey(&settings, &backend);
        QVERIFY(!hotkey.active());
        QVERIFY(hotkey.status().contains("already used"));
        QVERIFY(hotkey.setSequence("Ctrl+Alt+Q")); // valid, so saved even though refused now
        QCOMPARE(QSettings(iniPath(), QSettings::IniFormat).value("hotkey/sequence").toString(),
                 QStringLiteral("Ctrl+Alt+Q"));
    }

    void unavailablePlatformSaysWhy() {
        QSettings settings(iniPath(), QSettings::IniFormat);
        ScriptedHotkey backend;
        backend.reason = "Wayland does not let applications grab keys.";
        HotkeySettings hotkey(&settings, &backend);
        QVERIFY(!hotkey.available());
        QVERIFY(!hotkey.active());
        QVERIFY(backend.grabs.isEmpty());
        QCOMPARE(hotkey.status(),
                 QStringLiteral("Global shortcut unavailable: Wayland does not let applications "
                                "grab keys."));
    }

    void offscreenPlatformBackendExplainsItself() {
        // CTest runs this on the offscreen platform, which has no global shortcuts.
        if (QGuiApplication::platformName() != "offscreen")
            QSKIP("only meaningful on the offscreen platform");
        auto backend = GlobalHotkey::createForPlatform();
        QVERIFY(backend->unavailableReason().contains("offscreen"));
        QVERIFY(!backend->setShortcut(QKeySequence("Ctrl+Alt+Space")));
        QVERIFY(backend->errorString().contains("cannot be registered"));
    }
};

QTEST_MAIN(TestHotkeySettings)
#include "tst_hotkey_settings.moc"
