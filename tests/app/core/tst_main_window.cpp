// The GUI's main QML loads offscreen and shows its window.
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTest>

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void mainWindowShows() {
        QQmlApplicationEngine engine;
        engine.load(QUrl("qrc:/qml/Main.qml"));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->title(), QStringLiteral("Sosoik"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
