// Editing a sent message in the real main window (AppContext, scripted engine, offscreen): Edit opens a
// field in the message's bubble, Save and send rewrites the conversation from there. Found under Xvfb:
// the field had no frame, sat under an empty gap, and a short message's bubble left it as narrow as
// the text ("hello": about 140 pixels to write in).
#include "chat/chat_controller.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "support/scripted_context.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace sosoik;

namespace {

// Delegates belong to their view's item tree, not to the window's QObject children.
QQuickItem* findItem(QQuickItem* root, const QString& name) {
    if (!root) return nullptr;
    if (root->objectName() == name) return root;
    for (QQuickItem* child : root->childItems())
        if (QQuickItem* found = findItem(child, name)) return found;
    return nullptr;
}

} // namespace

class TestMessageEdit : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { app::configureApplication(); }

    void editGivesAFramedFieldToWriteIn() {
        auto context = app::test::makeScriptedContext(m_dir.filePath(QStringLiteral("profile")));
        QQuickWindow* window = context->loadMainWindow();
        QVERIFY(window);
        window->resize(1100, 720);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QSignalSpy loaded(context->worker(), &app::EngineWorker::modelLoaded);
        context->worker()->loadModel({"/models/scripted.gguf"});
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
        QSignalSpy answered(context->chat(), &app::ChatController::answerFinished);
        QVERIFY(context->chat()->send(QStringLiteral("hello")));
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 10000);

        QQuickItem* edit = nullptr;
        QTRY_VERIFY((edit = findItem(window->contentItem(), QStringLiteral("editMessage_0"))));
        QVERIFY(QMetaObject::invokeMethod(edit, "clicked"));
        QQuickItem* editor = findItem(window->contentItem(), QStringLiteral("editor_0"));
        QVERIFY(editor);
        QTRY_VERIFY(editor->isVisible() && editor->width() > 0);
        QCOMPARE(editor->property("text").toString(), QStringLiteral("hello"));
        // Room to write in, whatever the message's length.
        QTRY_VERIFY2(editor->width() >= 400, qPrintable(QString::number(editor->width())));
        // A frame a user sees as a field.
        auto* frame = editor->property("background").value<QQuickItem*>();
        QVERIFY(frame && frame->isVisible());
        QVERIFY(frame->property("border").value<QObject*>()->property("width").toReal() > 0);
        // Right under the "You" line: no empty block between them.
        QQuickItem* message = findItem(window->contentItem(), QStringLiteral("message_0"));
        QVERIFY(message);
        QQuickItem* you = nullptr;
        const std::function<void(QQuickItem*)> findYou = [&](QQuickItem* item) {
            if (item->inherits("QQuickLabel") && item->property("text").toString() == QLatin1String("You"))
                you = item;
            for (QQuickItem* child : item->childItems())
                findYou(child);
        };
        findYou(message);
        QVERIFY(you);
        const qreal gap =
            editor->mapToScene(QPointF(0, 0)).y() - you->mapToScene(QPointF(0, you->height())).y();
        QVERIFY2(gap <= 16, qPrintable(QStringLiteral("%1 pixels between \"You\" and the field").arg(gap)));

        // Save and send rewrites the conversation from that message.
        editor->setProperty("text", QStringLiteral("hello again"));
        QQuickItem* save = findItem(window->contentItem(), QStringLiteral("saveEdit_0"));
        QVERIFY(save);
        QVERIFY(QMetaObject::invokeMethod(save, "clicked"));
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 2, 10000);
        QCOMPARE(context->chat()->messages()->rowCount(), 2);
        QCOMPARE(context->chat()->messages()->at(0).content, QStringLiteral("hello again"));
    }
};

QTEST_MAIN(TestMessageEdit)
#include "tst_message_edit.moc"
