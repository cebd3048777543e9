#include "core/application.h"

#include "core/app_context.h"
#include "core/data_dir.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFont>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
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
    parser.process(app);

    AppContext context(realEngineOptions(resolveDataDir(parser.value(dataDirOption))));
    QQmlApplicationEngine engine;
    context.expose(&engine);
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qml/Main.qml")));
    if (engine.rootObjects().isEmpty()) return 1;
    context.restoreLastModel();
    return app.exec();
}

} // namespace sosoik::app
