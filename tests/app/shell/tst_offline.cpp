// Offline by default (issue #18): a whole normal use of the app — the main window, the single-instance
// server, loading the real demo model, a chat turn, a document summary, the tray's quick query and
// the Models page's scan and fit estimates — opens no network socket. Every socket() and connect()
// this process makes is seen here: the test executable defines both, and the dynamic linker binds
// Qt's and every library's calls to them before libc's (they forward to libc). Only local (Unix)
// sockets are allowed: the single-instance server is one.
#include "chat/chat_controller.h"
#include "hotkey/global_hotkey.h"
#include "instance/single_instance.h"
#include "models/model_library.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "summarize/ui/summary_controller.h"
#include "tray/quick_query_controller.h"
#include "tray/tray_integration.h"

#include <QFile>
#include <QMutex>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <dlfcn.h>
#include <sys/socket.h>

namespace {
QMutex g_mutex;
QStringList g_networkSockets; // "socket(AF_INET6)" and "connect(AF_INET)" calls, in order
int g_localSockets = 0;

void record(const char* call, int family) {
    QMutexLocker lock(&g_mutex);
    if (family == AF_UNIX)
        ++g_localSockets;
    else if (family == AF_INET || family == AF_INET6 || family == AF_PACKET)
        g_networkSockets << QStringLiteral("%1(family %2)").arg(QLatin1String(call)).arg(family);
}

QStringList takeNetworkSockets() {
    QMutexLocker lock(&g_mutex);
    return std::exchange(g_networkSockets, {});
}
} // namespace

extern "C" int socket(int family, int type, int protocol) {
    using Real = int (*)(int, int, int);
    static const Real real = reinterpret_cast<Real>(dlsym(RTLD_NEXT, "socket"));
    record("socket", family);
    return real(family, type, protocol);
}

extern "C" int connect(int fd, const struct sockaddr* address, socklen_t length) {
    using Real = int (*)(int, const struct sockaddr*, socklen_t);
    static const Real real = reinterpret_cast<Real>(dlsym(RTLD_NEXT, "connect"));
    if (address) record("connect", address->sa_family);
    return real(fd, address, length);
}

using namespace sosoik;

class TestOffline : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void initTestCase() {
        app::configureApplication();
        QVERIFY(dir_.isValid());
    }

    // Proves that this test can fail: a TCP server's socket is seen.
    void theSocketWatchSeesNetworkSockets() {
        takeNetworkSockets();
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QVERIFY2(!takeNetworkSockets().isEmpty(),
                 "socket() is not interposed; the offline test would prove nothing");
    }

    void normalUseOpensNoNetworkSocket() {
        const QString demo =
            QDir(qEnvironmentVariable("SOSOIK_SOURCE_DIR")).filePath("resources/models/sosoik-demo-ko.gguf");
        QVERIFY2(QFileInfo::exists(demo), "the demo model is part of the source tree");
        takeNetworkSockets();
        const int localBefore = g_localSockets;

        app::SingleInstance instance(dir_.path());
        QCOMPARE(instance.claimOrHandOff(app::InstanceRequest::fromArguments({}, false)),
                 app::SingleInstance::Role::Primary);

        app::AppContextOptions options =
            app::realEngineOptions(app::DataDir{dir_.filePath("profile"), true, {}});
        options.hotkey = std::make_unique<app::UnavailableGlobalHotkey>(QStringLiteral("test platform"));
        options.library.modelsDir = dir_.filePath("models");
        options.library.home = dir_.filePath("home");
        app::AppContext context(std::move(options));
        QQuickWindow* window = context.loadMainWindow();
        QVERIFY(window);

        QSignalSpy ready(context.models(), &app::ModelManager::modelReady);
        QVERIFY(context.models()->load(demo));
        QVERIFY2(ready.wait(120000), qPrintable(context.models()->errorText()));

        QVERIFY(context.chat()->send(QStringLiteral("안녕하세요")));
        QTRY_VERIFY_WITH_TIMEOUT(!context.chat()->busy(), 120000);

        const QString document = dir_.filePath("notes.txt");
        QFile f(document);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Sosoik keeps every conversation on this computer. Nothing is sent anywhere.\n\n");
        f.close();
        // The demo model's 256-token context may make the summary fail in words; either way it ends.
        QSignalSpy summarized(context.summaries(), &summarize::SummaryController::summaryFinished);
        QSignalSpy failed(context.summaries(), &summarize::SummaryController::summaryFailed);
        QVERIFY(context.summaries()->summarizeFile(document));
        QTRY_VERIFY_WITH_TIMEOUT(summarized.count() + failed.count() > 0, 120000);

        app::QuickQueryController* popup = context.tray()->quickQuery();
        QVERIFY(popup->ask(QStringLiteral("What is the capital of Korea?")));
        QTRY_VERIFY_WITH_TIMEOUT(!popup->busy(), 120000);

        QSignalSpy scanned(context.library(), &app::ModelLibrary::scanned);
        context.library()->rescan();
        QVERIFY(scanned.wait(60000));
        QVERIFY(!context.library()->localModels().isEmpty() || context.library()->catalog()->rowCount() > 0);

        const QStringList network = takeNetworkSockets();
        QVERIFY2(network.isEmpty(), qPrintable(network.join(", ")));
        QVERIFY2(g_localSockets > localBefore, "the single-instance server's local socket was seen");
    }
};

QTEST_MAIN(TestOffline)
#include "tst_offline.moc"
