#include "core/application.h"

#include "core/data_dir.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QUrl>

namespace sosoik::app {

int runApplication(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName("Sosoik");
    QApplication::setOrganizationName("Sosoik");
    QApplication::setApplicationVersion(SOSOIK_VERSION_STRING);
    QQuickStyle::setStyle("Fusion");

    QCommandLineParser parser;
    parser.setApplicationDescription("Sosoik — an offline AI assistant");
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("main",
                                    "Keep conversations and settings in DIR (also: SOSOIK_DATA_DIR)."),
        QStringLiteral("DIR"));
    parser.addOption(dataDirOption);
    parser.process(app);
    const DataDir dataDir = resolveDataDir(parser.value(dataDirOption));

    QQmlApplicationEngine engine;
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl("qrc:/qml/Main.qml"));
    if (engine.rootObjects().isEmpty()) return 1;
    return app.exec();
}

} // namespace sosoik::app
