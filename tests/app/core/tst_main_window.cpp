// The GUI's main QML loads offscreen with the real wiring (AppContext: storage, engine worker,
// controllers) and shows its window without a single QML warning.
#include "core/app_context.h"
#include "core/application.h"

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
        QQmlApplicationEngine engine;
        context.expose(&engine);
        engine.load(QUrl("qrc:/qml/Main.qml"));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->title(), QStringLiteral("Sosoik"));
        QVERIFY(window->findChild<QObject*>("messageInput"));
        QVERIFY(window->findChild<QObject*>("historySidebar"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
