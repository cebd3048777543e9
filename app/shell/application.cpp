#include "shell/application.h"

#include "instance/single_instance.h"
#include "shell/app_context.h"
#include "storage/data_dir.h"
#include "tray/tray_controller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFont>
#include <QQmlApplicationEngine>
#include <QQuickStyle>

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
    QObject::connect(
        context.qmlEngine(), &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    if (!context.loadMainWindow(parser.isSet(minimizedOption))) return 1;
    QObject::connect(&instance, &SingleInstance::requestReceived, &context, &AppContext::handleRequest);
    context.restoreLastModel(request); // queued on the engine thread before any summary request
    context.openLaunchRequest(request);

    return app.exec();
}

} // namespace sosoik::app
