#include "shell/application.h"

#include "instance/single_instance.h"
#include "shell/app_context.h"
#include "shell/render_backend.h"
#include "storage/data_dir.h"
#include "storage/private_files.h"
#include "tray/tray_controller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFont>
#include <QQmlApplicationEngine>
#include <QQuickStyle>

#include <cstdio>

namespace sosoik::app {

void configureApplication() {
    restrictNewFilesToOwner(); // every file and folder Sosoik creates is owner-only
    QApplication::setApplicationName(QStringLiteral("Sosoik"));
    QApplication::setOrganizationName(QStringLiteral("Sosoik"));
    QApplication::setApplicationVersion(QStringLiteral(SOSOIK_VERSION_STRING));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    // Hangul needs a CJK font; Noto Sans CJK KR also covers Latin well (fonts-noto-cjk).
    QFont font = QApplication::font();
    font.setFamilies({QStringLiteral("Noto Sans CJK KR"), QStringLiteral("Noto Sans"), font.family()});
    QApplication::setFont(font);
}

namespace {

struct CommandLine {
    QCommandLineOption dataDir{QStringLiteral("data-dir"),
                               QCoreApplication::translate(
                                   "main", "Keep conversations and settings in DIR (also: SOSOIK_DATA_DIR)."),
                               QStringLiteral("DIR")};
    QCommandLineOption quickQuery{QStringLiteral("quick-query"),
                                  QCoreApplication::translate("main", "Open the quick-query popup.")};
    QCommandLineOption minimized{QStringLiteral("minimized"),
                                 QCoreApplication::translate("main", "Start in the system tray.")};

    void setUp(QCommandLineParser& parser) const {
        parser.setApplicationDescription(QStringLiteral("Sosoik — an offline AI assistant"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({dataDir, quickQuery, minimized});
        parser.addPositionalArgument(
            QStringLiteral("files"),
            QCoreApplication::translate("main", "Model files (.gguf) to load, documents to summarize."),
            QStringLiteral("[FILE...]"));
    }
};

bool asksOnlyForText(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--") break;
        if (a == "-h" || a == "--help" || a == "-?" || a == "--help-all" || a == "-v" || a == "--version")
            return true;
    }
    return false;
}

// True when Qt will find no display to open windows on (Qt itself aborts then, exit 134).
bool noDisplay() {
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty() && !platform.startsWith("xcb") && !platform.startsWith("wayland")) return false;
    if (platform.startsWith("wayland")) return qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (platform.startsWith("xcb")) return qEnvironmentVariableIsEmpty("DISPLAY");
    return qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    return false;
#endif
}

} // namespace

int runApplication(int argc, char* argv[]) {
    // Issue #13: `sosoik --help` without a display aborted in QApplication's constructor. Help and the
    // version need no window: they are answered by a core application.
    if (asksOnlyForText(argc, argv)) {
        QCoreApplication core(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("Sosoik"));
        QCoreApplication::setApplicationVersion(QStringLiteral(SOSOIK_VERSION_STRING));
        QCommandLineParser parser;
        CommandLine().setUp(parser);
        parser.process(core); // prints and exits 0
        return 0;
    }
    if (noDisplay()) {
        std::fprintf(stderr,
                     "Sosoik: no graphical display is available (DISPLAY and WAYLAND_DISPLAY are not set).\n"
                     "Start it from a desktop session, or use sosoik-cli on the command line "
                     "(sosoik --help lists the options).\n");
        return 1;
    }
    QApplication app(argc, argv);
    configureApplication();

    QCommandLineParser parser;
    const CommandLine options;
    options.setUp(parser);
    parser.process(app);
    const QCommandLineOption& dataDirOption = options.dataDir;
    const QCommandLineOption& quickQueryOption = options.quickQuery;
    const QCommandLineOption& minimizedOption = options.minimized;

    const DataDir dataDir = resolveDataDir(parser.value(dataDirOption));
    // One app per data dir: a second launch hands its request to the running one and exits.
    SingleInstance instance(dataDir.path);
    const InstanceRequest request =
        InstanceRequest::fromArguments(parser.positionalArguments(), parser.isSet(quickQueryOption));
    const SingleInstance::Role role = instance.claimOrHandOff(request);
    if (role == SingleInstance::Role::Secondary) return 0; // the running Sosoik took the request
    if (role == SingleInstance::Role::Failed) qWarning("Sosoik: %s", qPrintable(instance.errorString()));

    QApplication::setWindowIcon(TrayController::appIcon()); // the same mark as the tray icon
    applySceneGraphChoice(); // before the first window: software rendering where OpenGL is on the CPU
    AppContext context(realEngineOptions(dataDir));
    QObject::connect(
        context.qmlEngine(), &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    if (!context.loadMainWindow(parser.isSet(minimizedOption))) return 1;
    QObject::connect(&instance, &SingleInstance::requestReceived, &context, &AppContext::handleRequest);
    // A model file named on the command line is loaded instead of the last one; then the rest of the
    // request (queued on the engine thread after the model, before any summary).
    const InstanceRequest rest = context.loadHandedModels(request);
    context.restoreLastModel();
    context.openLaunchRequest(rest);

    return app.exec();
}

} // namespace sosoik::app
