// Found clicking through the real app as a user (Xvfb, Settings): the mouse wheel stopped scrolling
// Settings while the pointer was over the system prompt, a box that had nothing to scroll itself.
// The real main window (AppContext, scripted engine, offscreen).
#include "shell/application.h"
#include "support/scripted_context.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;

namespace {

// The Flickables between item and the window, innermost first.
QList<QQuickItem*> flickablesAround(QQuickItem* item) {
    QList<QQuickItem*> found;
    for (QQuickItem* p = item->parentItem(); p; p = p->parentItem())
        if (p->inherits("QQuickFlickable")) found << p;
    return found;
}

} // namespace

class TestWindowUsability : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { app::configureApplication(); }

    void theWheelScrollsSettingsOverTheSystemPrompt() {
        auto context = app::test::makeScriptedContext(m_dir.filePath(QStringLiteral("wheel")));
        QQuickWindow* window = context->loadMainWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QObject* settings = window->findChild<QObject*>(QStringLiteral("settingsDialog"));
        QVERIFY(settings);
        QMetaObject::invokeMethod(settings, "open");
        QTRY_VERIFY(settings->property("opened").toBool());
        QQuickItem* prompt = nullptr;
        for (QQuickItem* item : window->findChildren<QQuickItem*>(QStringLiteral("systemPromptField")))
            if (item->isVisible() && item->window() == window) prompt = item; // Settings', not a hidden one
        QVERIFY(prompt);
        const QList<QQuickItem*> flickables = flickablesAround(prompt);
        QVERIFY2(flickables.size() >= 2, "the prompt's own box and the Settings page");
        QQuickItem* page = flickables.at(1);
        // The prompt in view at the bottom (more settings follow it); then the wheel over it.
        const qreal promptY =
            prompt->mapToItem(page->property("contentItem").value<QQuickItem*>(), QPointF()).y();
        page->setProperty("contentY", std::max(0.0, promptY + prompt->height() + 10 - page->height()));
        QTRY_VERIFY(prompt->mapToScene(QPointF(prompt->width() / 2, prompt->height() / 2)).y() <
                    window->height());
        const qreal before = page->property("contentY").toReal();
        QVERIFY2(before + page->height() < page->property("contentHeight").toReal(), "room left to scroll");
        const QPointF at = prompt->mapToScene(QPointF(prompt->width() / 2, 10));
        QWheelEvent wheel(at, window->mapToGlobal(at.toPoint()), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(window, &wheel);
        QTRY_VERIFY2(page->property("contentY").toReal() > before,
                     "Settings did not scroll under the pointer");
    }

    // At 640x420 a long model name took the tool bar's room and the conversation title read "s…": the
    // title keeps a readable width and the model button elides its name first.
    void aNarrowWindowKeepsTheTitleReadable() {
        auto context = app::test::makeScriptedContext(m_dir.filePath(QStringLiteral("narrow")));
        QQuickWindow* window = context->loadMainWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto* title = window->findChild<QQuickItem*>(QStringLiteral("conversationTitle"));
        auto* modelName = window->findChild<QQuickItem*>(QStringLiteral("modelButtonLabel"));
        auto* modelButton = window->findChild<QQuickItem*>(QStringLiteral("modelButton"));
        QVERIFY(title);
        QVERIFY(modelName);
        QVERIFY(modelButton);
        title->setProperty("text", QStringLiteral("Summarize the quarterly report"));
        modelName->setProperty("text", QStringLiteral("Smollm2 135M 8k Lc100K Mix1 Ep2 · Q4_1"));
        window->resize(640, 420);
        QTRY_COMPARE(window->width(), 640);
        // Nothing is pushed off the tool bar's end (a title kept at the model button's cost did that).
        const auto rightEdge = [&] {
            qreal right = 0;
            for (QQuickItem* item : title->parentItem()->childItems())
                if (item->isVisible())
                    right = std::max(right, item->mapToScene(QPointF(item->width(), 0)).x());
            return right;
        };
        // The tool bar is laid out again on a later frame.
        QTRY_VERIFY2(rightEdge() <= window->width() && title->width() >= 120 && modelButton->width() >= 60 &&
                         modelName->property("truncated").toBool(),
                     qPrintable(QStringLiteral("right %1, title %2, model button %3")
                                    .arg(rightEdge())
                                    .arg(title->width())
                                    .arg(modelButton->width())));
        // Wide enough, both read in full.
        window->resize(1200, 600);
        QTRY_VERIFY(!title->property("truncated").toBool());
        QTRY_VERIFY(!modelName->property("truncated").toBool());
    }
};

QTEST_MAIN(TestWindowUsability)
#include "tst_window_usability.moc"
