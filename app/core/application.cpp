#include "core/application.h"

#include "chat/chat_controller.h"
#include "core/app_context.h"
#include "core/data_dir.h"
#include "instance/single_instance.h"
#include "settings/app_settings.h"
#include "summarize/ui/summary_controller.h"
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
    parser.addOption(dataDirOption);
    // Tray feature: --minimized, --quick-query, [files...]; one running Sosoik per user and data dir.
    const QCommandLineOption minimizedOption(
        QStringLiteral("minimized"),
        QCoreApplication::translate("main", "Start in the tray, without the window."));
    const QCommandLineOption quickQueryOption(
        QStringLiteral("quick-query"), QCoreApplication::translate("main", "Open the quick-query popup."));
    parser.addOptions({minimizedOption, quickQueryOption});
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QCoreApplication::translate("main", "Files to summarize."),
                                 QStringLiteral("[files...]"));
    parser.process(app);

    const DataDir dataDir = resolveDataDir(parser.value(dataDirOption));
    SingleInstance instance(dataDir.path);
    const InstanceRequest request =
        InstanceRequest::fromArguments(parser.positionalArguments(), parser.isSet(quickQueryOption));
    const SingleInstance::Role role = instance.claimOrHandOff(request);
    if (role == SingleInstance::Role::Secondary) return 0; // the running Sosoik took the request
    if (role == SingleInstance::Role::Failed) qWarning("Sosoik: %s", qPrintable(instance.errorString()));

    AppContext context(realEngineOptions(dataDir));
    QQmlApplicationEngine engine;
    context.expose(&engine);
    TrayIntegration tray(&engine, context.worker(), context.storage(), context.settings(),
                         &context.settings()->store());
    QObject::connect(&instance, &SingleInstance::requestReceived, &tray, &TrayIntegration::handleRequest);
    QObject::connect(&tray, &TrayIntegration::continueInChatRequested, context.chat(),
                     &ChatController::openConversation);
    tray.setDocumentSummarizer(
        [&context](const QString& path) { return context.summaries()->summarizeFile(path); });
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qml/Main.qml")));
    if (engine.rootObjects().isEmpty()) return 1;
    tray.attachMainWindow(qobject_cast<QQuickWindow*>(engine.rootObjects().first()),
                          parser.isSet(minimizedOption));
    context.restoreLastModel();
    // After the model load is queued, so a file given at start is summarized by that model.
    if (request.action != InstanceRequest::Action::Activate) tray.handleRequest(request);
    return app.exec();
}

} // namespace sosoik::app
