// The GUI's main QML loads offscreen with the real wiring (AppContext: storage, engine worker,
// controllers, tray) and shows its window without a single QML warning.
#include "shell/app_context.h"
#include "shell/application.h"

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
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qrc:/qml/")));
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
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
