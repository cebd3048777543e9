// The theme (#21): both schemes readable (WCAG contrast for every text role on its background), the
// desktop's scheme followed in "system" mode and overridden by the setting, and Fusion controls in
// QML drawing with the theme's palette.
#include "settings/app_settings.h"
#include "shell/qml_services.h"
#include "theme/theme.h"

#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQmlContext>
#include <QQuickStyle>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;

namespace {

QPalette paletteWithWindow(const QColor& window, const QColor& text) {
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    return p;
}

} // namespace

class TestTheme : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Fusion")); }

    void everyTextRoleIsReadableInBothSchemes_data() {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void everyTextRoleIsReadableInBothSchemes() {
        QFETCH(bool, dark);
        const ThemeColors c = dark ? darkColors() : lightColors();
        struct Pair {
            const char* name;
            QColor fg, bg;
        };
        const QList<Pair> pairs{
            {"text on base", c.text, c.base},
            {"window text on window", c.windowText, c.window},
            {"text on user bubble", c.text, c.userBubble},
            {"muted on base", c.mutedText, c.base},
            {"muted on window", c.mutedText, c.window},
            {"muted on user bubble", c.mutedText, c.userBubble},
            {"link on base", c.link, c.base},
            {"link on user bubble", c.link, c.userBubble},
            {"accent text on accent", c.accentText, c.accent},
            {"code", c.codeText, c.codeBackground},
            {"code block label", c.mutedText, c.codeBackground},
            {"thinking", c.thinkingText, c.thinkingBackground},
            {"error banner", c.errorText, c.errorBackground},
            {"error on window", c.errorText, c.window},
            {"error on base", c.errorText, c.base},
            {"notice banner", c.warningText, c.warningBackground},
            {"notice on window", c.warningText, c.window},
            {"success on base", c.successText, c.base},
            {"success on window", c.successText, c.window},
            {"badge", c.badgeText, c.badgeBackground},
            {"success badge", c.successText, c.badgeBackground},
            {"keyword", c.syntaxKeyword, c.codeBackground},
            {"type", c.syntaxType, c.codeBackground},
            {"string", c.syntaxString, c.codeBackground},
            {"comment", c.syntaxComment, c.codeBackground},
            {"number", c.syntaxNumber, c.codeBackground},
        };
        for (const Pair& p : pairs) {
            const double ratio = contrastRatio(p.fg, p.bg);
            QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1: %2 on %3 is %4:1")
                                                  .arg(QLatin1String(p.name), p.fg.name(), p.bg.name())
                                                  .arg(ratio, 0, 'f', 2)));
        }
        QCOMPARE(isDarkPalette(paletteFor(c)), dark);
    }

    void contrastRatioMatchesWcagExamples() {
        QCOMPARE(qRound(contrastRatio(Qt::black, Qt::white) * 100), 2100);
        QCOMPARE(qRound(contrastRatio(Qt::white, Qt::white) * 100), 100);
        // #767676 on white is the lightest grey that passes AA (4.54:1).
        QCOMPARE(qRound(contrastRatio(QColor(0x767676), Qt::white) * 100), 454);
    }

    void systemModeFollowsTheDesktopPalette() {
        QPalette desktop = paletteWithWindow(QColor(0xf0f0f0), Qt::black);
        Theme theme([&] { return desktop; });
        QCOMPARE(theme.mode(), QStringLiteral("system"));
        QVERIFY(!theme.dark());
        QCOMPARE(QGuiApplication::palette().color(QPalette::Window), lightColors().window);

        QSignalSpy changed(&theme, &Theme::colorsChanged);
        desktop = paletteWithWindow(QColor(0x202020), QColor(0xeeeeee)); // the desktop switches to dark
        theme.systemSchemeChanged();
        QVERIFY(theme.dark());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(theme.base(), darkColors().base);
        QCOMPARE(QGuiApplication::palette().color(QPalette::Base), darkColors().base);
        QCOMPARE(QGuiApplication::palette().color(QPalette::Disabled, QPalette::Window), darkColors().window);
        theme.systemSchemeChanged(); // nothing changed: no signal
        QCOMPARE(changed.size(), 1);
    }

    void overrideWinsOverTheDesktop() {
        const QPalette desktop = paletteWithWindow(QColor(0x202020), QColor(0xeeeeee));
        Theme theme([&] { return desktop; });
        QVERIFY(theme.dark());
        theme.setMode(QStringLiteral("light"));
        QVERIFY(!theme.dark());
        QCOMPARE(theme.text(), lightColors().text);
        theme.setMode(QStringLiteral("nonsense"));
        QCOMPARE(theme.mode(), QStringLiteral("system"));
        QVERIFY(theme.dark());
    }

    void theSettingPersistsAndDrivesTheMode() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        {
            AppSettings settings(ini);
            QCOMPARE(settings.colorScheme(), QStringLiteral("system"));
            settings.setColorScheme(QStringLiteral("dark"));
            settings.setColorScheme(QStringLiteral("purple")); // not a scheme: back to the desktop's
            QCOMPARE(settings.colorScheme(), QStringLiteral("system"));
            settings.setColorScheme(QStringLiteral("dark"));
        }
        AppSettings settings(ini);
        QCOMPARE(settings.colorScheme(), QStringLiteral("dark"));
        Theme theme([] { return paletteWithWindow(Qt::white, Qt::black); });
        theme.setMode(settings.colorScheme());
        QVERIFY(theme.dark());
    }

    void theRealPlatformPaletteIsReadBackAfterTheAppSetsItsOwn() {
        // The offscreen platform's palette is light; the app's dark palette must not be taken for it.
        Theme theme;
        theme.setMode(QStringLiteral("dark"));
        QVERIFY(isDarkPalette(QGuiApplication::palette()));
        QVERIFY(!isDarkPalette(Theme::platformPalette()));
        QVERIFY(isDarkPalette(QGuiApplication::palette())); // and the app's palette is put back
    }

    void fusionControlsInQmlFollowTheScheme() {
        Theme theme([] { return paletteWithWindow(Qt::white, Qt::black); });
        QQmlApplicationEngine engine;
        sosoik::app::prepareQmlEngine(&engine);
        sosoik::app::provideToQml(&engine, "Theme", &theme);
        engine.loadData(R"(
            import QtQuick
            import QtQuick.Controls
            import Sosoik
            ApplicationWindow {
                property alias button: button
                property alias field: field
                Button { id: button; text: "OK" }
                TextField { id: field; y: 50 }
                Rectangle { objectName: "bubble"; color: Theme.userBubble }
            })");
        QCOMPARE(engine.rootObjects().size(), 1);
        QObject* window = engine.rootObjects().first();
        auto* button = window->property("button").value<QObject*>();
        auto* field = window->property("field").value<QObject*>();
        auto* bubble = window->findChild<QObject*>(QStringLiteral("bubble"));
        QVERIFY(button && field && bubble);
        const auto paletteColor = [](QObject* item, const char* role) {
            return item->property("palette").value<QObject*>()->property(role).value<QColor>();
        };
        // Qt Quick Controls 6.4 take the application palette from its change event (delivered through
        // the event loop), not when the style loads: the shell applies it again once its QML is
        // loaded (AppContext::loadMainWindow).
        theme.applyPalette();
        QTRY_COMPARE(paletteColor(button, "buttonText"), lightColors().windowText);
        QCOMPARE(paletteColor(button, "button"), paletteFor(lightColors()).color(QPalette::Button));
        QCOMPARE(bubble->property("color").value<QColor>(), lightColors().userBubble);
        theme.setMode(QStringLiteral("dark"));
        QTRY_COMPARE(paletteColor(button, "buttonText"), darkColors().windowText);
        QTRY_COMPARE(paletteColor(field, "base"), darkColors().base);
        QTRY_COMPARE(paletteColor(field, "text"), darkColors().text);
        QTRY_COMPARE(paletteColor(window, "window"), darkColors().window);
        QTRY_COMPARE(bubble->property("color").value<QColor>(), darkColors().userBubble);
        theme.setMode(QStringLiteral("light"));
        QTRY_COMPARE(paletteColor(field, "base"), lightColors().base);
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
