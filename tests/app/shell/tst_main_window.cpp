// The GUI's main QML loads offscreen with the real wiring (AppContext: storage, engine worker,
// controllers, tray) and shows its window without a single QML warning.
#include "settings/app_settings.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "theme/theme.h"

#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { configureApplication(); }

    void mainWindowShows() {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qrc:/qt/qml/Sosoik/")));
        QTemporaryDir dir;
        DataDir dataDir{dir.path(), true, {}};
        AppContext context(realEngineOptions(dataDir));
        QVERIFY2(context.startupError().isEmpty(), qPrintable(context.startupError()));
        QQuickWindow* window = context.loadMainWindow();
        QVERIFY(window);
        QCOMPARE(context.qmlEngine()->rootObjects().size(), 1);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->title(), QStringLiteral("Sosoik"));
        QVERIFY(window->findChild<QObject*>("messageInput"));
        QVERIFY(window->findChild<QObject*>("historySidebar"));
    }

    // Settings → Colours (#21): choosing Dark recolours the open window and is kept for the next start.
    void colourChoiceRecoloursTheWindowAndPersists() {
        QTemporaryDir dir;
        DataDir dataDir{dir.path(), true, {}};
        const auto windowColor = [](QQuickWindow* window) {
            return window->property("palette").value<QObject*>()->property("window").value<QColor>();
        };
        {
            AppContext context(realEngineOptions(dataDir));
            context.theme()->setMode(QStringLiteral("light")); // whatever the test machine's desktop is
            QQuickWindow* window = context.loadMainWindow();
            QVERIFY(window);
            QTRY_COMPARE(windowColor(window), lightColors().window);
            auto* choice = window->findChild<QObject*>(QStringLiteral("colorSchemeChoice"));
            QVERIFY(choice);
            choice->setProperty("currentIndex", 2);
            QMetaObject::invokeMethod(choice, "activated", Q_ARG(int, 2));
            QCOMPARE(context.settings()->colorScheme(), QStringLiteral("dark"));
            QVERIFY(context.theme()->dark());
            QTRY_COMPARE(windowColor(window), darkColors().window);
        }
        AppContext again(realEngineOptions(dataDir));
        QQuickWindow* window = again.loadMainWindow();
        QVERIFY(window);
        QTRY_COMPARE(windowColor(window), darkColors().window);
        auto* choice = window->findChild<QObject*>(QStringLiteral("colorSchemeChoice"));
        QVERIFY(choice);
        QCOMPARE(choice->property("currentIndex").toInt(), 2);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
