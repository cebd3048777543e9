// HistorySidebar.qml: loads cleanly with the History and Chat singletons, lists the
// conversations, searches as the user types, opens / creates / renames / deletes (with undo).
#include "chat/answer_stream.h"
#include "chat/chat_controller.h"
#include "history/history_controller.h"
#include "inference/engine_worker.h"
#include "settings/app_settings.h"
#include "shell/qml_services.h"
#include "storage/storage.h"
#include "support/scripted_backend.h"

#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QTemporaryDir>
#include <QTest>

#include "theme/theme.h"

using namespace sosoik::storage;
using sosoik::history::HistoryController;

// The real chat controller (no model loaded): the sidebar opens and starts conversations through it.
struct Chat {
    QTemporaryDir dir;
    sosoik::app::AppSettings settings{dir.filePath("settings.ini")};
    sosoik::app::EngineWorker worker{std::make_unique<sosoik::app::test::ScriptedBackend>()};
    sosoik::app::AnswerStreams answers;
    sosoik::app::ChatController controller;
    explicit Chat(Storage* storage) : answers(storage), controller(&worker, storage, &answers, &settings) {}
};

// What HistorySidebar.qml uses, provided to the view's engine as the module's singletons.
void wire(QQuickView& view, HistoryController* history, sosoik::app::Theme* theme, Chat* chat) {
    sosoik::app::prepareQmlEngine(view.engine());
    sosoik::app::provideToQml(view.engine(), "History", history);
    sosoik::app::provideToQml(view.engine(), "Theme", theme);
    sosoik::app::provideToQml(view.engine(), "Chat", &chat->controller);
}

class TestHistorySidebar : public QObject {
    Q_OBJECT
    QTemporaryDir tmp_;
    Storage storage_;
    qint64 a_ = 0, b_ = 0;

    template <typename T = QQuickItem> T* find(QQuickView& view, const char* name) {
        return view.rootObject()->findChild<T*>(QString::fromLatin1(name));
    }

private slots:
    void initTestCase() {
        QVERIFY(storage_.open(tmp_.path()));
        a_ = storage_.createConversation();
        storage_.addMessage(a_, "user", "서울 날씨 알려줘");
        b_ = storage_.createConversation();
        storage_.addMessage(b_, "user", "안녕하세요 반갑습니다");
    }

    void sidebarWorks() {
        HistoryController history(&storage_);
        history.search()->setDebounceMs(10);
        Chat chat(&storage_);
        sosoik::app::Theme theme;
        QQuickView view;
        QList<QQmlError> warnings;
        connect(view.engine(), &QQmlEngine::warnings, this,
                [&](const QList<QQmlError>& w) { warnings += w; });
        wire(view, &history, &theme, &chat);
        view.setResizeMode(QQuickView::SizeRootObjectToView);
        view.resize(300, 600);
        view.setSource(QUrl("qrc:/qt/qml/Sosoik/history/HistorySidebar.qml"));
        QVERIFY2(view.status() == QQuickView::Ready, qPrintable(view.errors().value(0).toString()));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        auto* list = find(view, "conversationList");
        QVERIFY(list);
        QTRY_COMPARE(list->property("count").toInt(), 2);

        // Both were written today: the list shows that heading (a section delegate; Qt 6.4 refuses to
        // create one from a `pragma ComponentBehavior: Bound` file, and the headings were gone, #14).
        QQuickItem* heading = nullptr;
        QTRY_VERIFY([&] {
            for (QQuickItem* child : list->property("contentItem").value<QQuickItem*>()->childItems())
                if (child->property("section").toString() == QLatin1String("today")) heading = child;
            return heading != nullptr;
        }());
        QCOMPARE(heading->property("text").toString(), QStringLiteral("Today"));
        QVERIFY(heading->isVisible());

        // Clicking the first row opens the most recent conversation (b).
        QQuickItem* content = list->property("contentItem").value<QQuickItem*>();
        QVERIFY(content);
        QQuickItem* firstRow = nullptr;
        for (QQuickItem* child : content->childItems())
            if (child->property("conversationId").toLongLong() == b_) firstRow = child;
        QVERIFY(firstRow);
        QTest::mouseClick(&view, Qt::LeftButton, {},
                          firstRow->mapToScene({10, firstRow->height() / 2}).toPoint());
        QTRY_COMPARE(chat.controller.conversationId(), b_);
        QTRY_VERIFY(firstRow->property("highlighted").toBool());

        // New chat goes through the chat controller.
        auto* newChat = find(view, "newChatButton");
        QVERIFY(newChat);
        QTest::mouseClick(&view, Qt::LeftButton, {}, newChat->mapToScene({5, 5}).toPoint());
        QTRY_COMPARE(chat.controller.conversationId(), 0);

        // Typing a query shows highlighted results instead of the list.
        auto* search = find(view, "searchField");
        search->forceActiveFocus();
        // Korean text arrives through the input method, so it is inserted rather than typed as keys.
        QVERIFY(QMetaObject::invokeMethod(search, "insert", Q_ARG(int, 0),
                                          Q_ARG(QString, QStringLiteral("반갑"))));
        QCOMPARE(history.search()->query(), QStringLiteral("반갑"));
        auto* results = find(view, "searchResults");
        QTRY_COMPARE(results->property("count").toInt(), 2); // its auto-title and the message
        QTRY_VERIFY(results->isVisible());
        QVERIFY(!list->isVisible());
        search->setProperty("text", QString());
        QTRY_VERIFY(list->isVisible());

        // Rename through the dialog.
        QObject* dialog = view.rootObject()->findChild<QObject*>("renameDialog");
        QVERIFY(dialog);
        QVERIFY(QMetaObject::invokeMethod(dialog, "openFor", Q_ARG(QVariant, a_),
                                          Q_ARG(QVariant, QString("old"))));
        find(view, "renameField")->setProperty("text", QStringLiteral("날씨 이야기"));
        QVERIFY(QMetaObject::invokeMethod(dialog, "accept"));
        QTRY_COMPARE(storage_.conversation(a_)->title, QStringLiteral("날씨 이야기"));

        // Delete the open conversation: the chat starts a new one; Undo brings it back.
        QVERIFY(chat.controller.openConversation(a_));
        QCOMPARE(chat.controller.conversationId(), a_);
        QVERIFY(QMetaObject::invokeMethod(view.rootObject(), "deleteConversation", Q_ARG(QVariant, a_)));
        QTRY_COMPARE(list->property("count").toInt(), 1);
        QCOMPARE(chat.controller.conversationId(), 0);
        auto* undoBar = find(view, "undoBar");
        QTRY_VERIFY(undoBar->isVisible());
        auto* undo = find(view, "undoButton");
        QTest::mouseClick(&view, Qt::LeftButton, {}, undo->mapToScene({5, 5}).toPoint());
        QTRY_COMPARE(list->property("count").toInt(), 2);
        QTRY_VERIFY(!undoBar->isVisible());

        for (const QQmlError& w : warnings)
            qWarning() << w.toString();
        QVERIFY(warnings.isEmpty());
    }

    // Issue #13: "Export as Markdown" did nothing. Through the sidebar's own export dialog (Qt's
    // non-native file dialog offscreen), accepting the suggested name writes the Markdown file into an
    // existing folder (a fresh profile has no Documents folder: home instead).
    void exportAsMarkdownWritesTheFile() {
        QTemporaryDir home;
        const QByteArray oldHome = qgetenv("HOME");
        qputenv("HOME", home.path().toLocal8Bit());
        HistoryController history(&storage_);
        QCOMPARE(history.exportFolder().toLocalFile(), home.path());
        sosoik::app::Theme theme;
        Chat chat(&storage_);
        QQuickView view;
        wire(view, &history, &theme, &chat);
        view.setResizeMode(QQuickView::SizeRootObjectToView);
        view.resize(700, 600);
        view.setSource(QUrl("qrc:/qt/qml/Sosoik/history/HistorySidebar.qml"));
        QVERIFY(view.status() == QQuickView::Ready);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QObject* exportDialog = view.rootObject()->findChild<QObject*>("exportFileDialog");
        QVERIFY(exportDialog);
        QVERIFY(QMetaObject::invokeMethod(exportDialog, "openFor", Q_ARG(QVariant, a_),
                                          Q_ARG(QVariant, "markdown")));
        QTRY_VERIFY(exportDialog->property("shown").toBool());
        QCOMPARE(exportDialog->property("errorText").toString(), QString());
        QObject* impl = nullptr;
        for (QObject* o : view.findChildren<QObject*>())
            if (o->inherits("QQuickFileDialogImpl")) impl = o;
        QVERIFY2(impl, "Qt's file dialog did not open");
        QTRY_VERIFY(impl->property("visible").toBool());
        QVERIFY(QMetaObject::invokeMethod(impl, "accept")); // "Save" with the suggested name
        const QString file = home.filePath(history.suggestedFileName(a_, "markdown"));
        QTRY_VERIFY2(QFile::exists(file), qPrintable(file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(f.readAll()).contains(QStringLiteral("서울 날씨 알려줘")));
        QCOMPARE(history.errorText(), QString());
        qputenv("HOME", oldHome);
    }
};

QTEST_MAIN(TestHistorySidebar)
#include "tst_history_sidebar.moc"
