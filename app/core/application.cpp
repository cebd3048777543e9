#include "core/application.h"

#include "chat/chat_controller.h"
#include "core/app_context.h"
#include "core/data_dir.h"
#include "hotkey/global_hotkey.h"
#include "instance/single_instance.h"
#include "settings/app_settings.h"
#include "summarize/ui/summary_controller.h"
#include "tray/tray_controller.h"
#include "tray/tray_integration.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFont>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QUrl>

namespace sosoik::app {

void configureApplication() {
    QApplication::setApplicationName(QStringLiteral("Sosoik"));
    QApplication::setOrganizationName(QStringLiteral("Sosoik"));
    QApplication::setApplicationVersion(QStringLiteral(SOSOIK_VERSION_STRING));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    // Hangul needs a CJK font; Noto Sans CJK KR also covers Latin well (fonts-noto-cjk).
    QFont font = QApplication::font();
    font.setFamilies({QStringLiteral("Noto Sans CJK KR"), QStringLiteral("Noto Sans"), font.family()});
    QApplication::setFont(font);
}

int runApplication(int argc, char* argv[]) {
    QApplication app(argc, argv);
    configureApplication();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sosoik — an offline AI assistant"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("main",
                                    "Keep conversations and settings in DIR (also: SOSOIK_DATA_DIR)."),
        QStringLiteral("DIR"));
    const QCommandLineOption quickQueryOption(
        QStringLiteral("quick-query"), QCoreApplication::translate("main", "Open the quick-query popup."));
    const QCommandLineOption minimizedOption(
        QStringLiteral("minimized"), QCoreApplication::translate("main", "Start in the system tray."));
    parser.addOptions({dataDirOption, quickQueryOption, minimizedOption});
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QCoreApplication::translate("main", "Documents to summarize."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    const DataDir dataDir = resolveDataDir(parser.value(dataDirOption));
    // One app per data dir: a second launch hands its request to the running one and exits.
    SingleInstance instance(dataDir.path);
    const InstanceRequest request =
        InstanceRequest::fromArguments(parser.positionalArguments(), parser.isSet(quickQueryOption));
    const SingleInstance::Role role = instance.claimOrHandOff(request);
    if (role == SingleInstance::Role::Secondary) return 0; // the running Sosoik took the request
    if (role == SingleInstance::Role::Failed) qWarning("Sosoik: %s", qPrintable(instance.errorString()));

    QApplication::setWindowIcon(TrayController::appIcon()); // the same mark as the tray icon
    AppContext context(realEngineOptions(dataDir));
    QQmlApplicationEngine engine;
    context.expose(&engine);
    TrayIntegration tray(&engine, context.worker(), context.storage(), context.settings(),
                         &context.settings()->store());
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    const bool minimized = parser.isSet(minimizedOption);
    engine.setInitialProperties({{QStringLiteral("visible"), !tray.startsHidden(minimized)}});
    engine.load(QUrl(QStringLiteral("qrc:/qml/Main.qml")));
    if (engine.rootObjects().isEmpty()) return 1;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    tray.attachMainWindow(window, minimized);

    QObject::connect(&instance, &SingleInstance::requestReceived, &tray, &TrayIntegration::handleRequest);
    QObject::connect(&tray, &TrayIntegration::continueInChatRequested, context.chat(),
                     [&context](qint64 id) { context.chat()->openConversation(id); });
    QObject::connect(&tray, &TrayIntegration::summarizeInMainWindowRequested, context.summaries(),
                     [&context](const QString& path) { context.summaries()->summarizeFile(path); });
    // A later launch with files: the quick-query popup takes the first, the main window the rest.
    QObject::connect(&tray, &TrayIntegration::filesOpened, context.summaries(),
                     [&context](const QStringList& paths) {
                         for (const QString& path : paths.mid(1))
                             context.summaries()->summarizeFile(path);
                     });
    context.restoreLastModel(); // queued on the engine thread before any summary request
    if (request.action == InstanceRequest::Action::QuickQuery) tray.handleRequest(request);
    for (const QString& path : request.files)
        context.summaries()->summarizeFile(path);

    return app.exec();
}

} // namespace sosoik::app
