// AppSettings persistence and validation, the data-dir choice, and the language switch.
#include "settings/app_settings.h"
#include "settings/language_switcher.h"
#include "storage/data_dir.h"
#include "support/test_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QProcess>
#include <QQmlEngine>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;

class TestAppSettings : public QObject {
    Q_OBJECT
private slots:
    void defaultsAreSensible() {
        QTemporaryDir dir;
        AppSettings s(dir.filePath("settings.ini"));
        QCOMPARE(s.temperature(), 0.7);
        QCOMPARE(s.topK(), 40);
        QCOMPARE(s.maxNewTokens(), 512);
        QCOMPARE(s.contextLength(), 2048);
        QCOMPARE(s.language(), QString());
        QCOMPARE(s.backend(), QStringLiteral("auto"));
        QVERIFY(!s.systemPrompt().isEmpty());
    }

    void valuesPersistAcrossInstances() {
        QTemporaryDir dir;
        const QString ini = dir.filePath("settings.ini");
        {
            AppSettings s(ini);
            QSignalSpy changed(&s, &AppSettings::changed);
            s.setTemperature(0.3);
            s.setTopP(0.8);
            s.setTopK(12);
            s.setMaxNewTokens(300);
            s.setContextLength(4096);
            s.setSystemPrompt("한국어로 답하세요.");
            s.setLanguage("ko");
            s.setBackend("reference");
            s.setDevice(2);
            s.setReopenLastModel(false);
            QCOMPARE(changed.size(), 10);
            s.setTopK(12); // unchanged: no signal
            QCOMPARE(changed.size(), 10);
        }
        QVERIFY(QFile::exists(ini));
        AppSettings s(ini);
        QCOMPARE(s.temperature(), 0.3);
        QCOMPARE(s.topP(), 0.8);
        QCOMPARE(s.topK(), 12);
        QCOMPARE(s.maxNewTokens(), 300);
        QCOMPARE(s.contextLength(), 4096);
        QCOMPARE(s.systemPrompt(), QStringLiteral("한국어로 답하세요."));
        QCOMPARE(s.language(), QStringLiteral("ko"));
        QCOMPARE(s.backend(), QStringLiteral("reference"));
        QCOMPARE(s.device(), 2);
        QCOMPARE(s.reopenLastModel(), false);
        s.resetGenerationDefaults();
        QCOMPARE(s.temperature(), 0.7);
        QCOMPARE(s.language(), QStringLiteral("ko")); // not a generation setting
    }

    void outOfRangeValuesAreClamped() {
        QTemporaryDir dir;
        AppSettings s(dir.filePath("settings.ini"));
        s.setTemperature(9);
        QCOMPARE(s.temperature(), 2.0);
        s.setTopP(-1);
        QCOMPARE(s.topP(), 0.0);
        s.setMaxNewTokens(0);
        QCOMPARE(s.maxNewTokens(), 1);
        s.setContextLength(5);
        QCOMPARE(s.contextLength(), 128);
        s.setLanguage("klingon");
        QCOMPARE(s.language(), QString());
        s.setBackend("quantum");
        QCOMPARE(s.backend(), QStringLiteral("auto"));
    }

    // Settings → CPU: automatic threads and exact prompts by default, kept across runs, and its own
    // "Restore defaults" resets them and nothing else.
    void cpuSettingsPersistAndRestore() {
        QTemporaryDir dir;
        const QString ini = dir.filePath("settings.ini");
        {
            AppSettings s(ini);
            QCOMPARE(s.cpuThreads(), 0);
            QCOMPARE(s.cpuFastPrompts(), false);
            QSignalSpy changed(&s, &AppSettings::changed);
            s.setCpuThreads(6);
            s.setCpuFastPrompts(true);
            s.setTemperature(0.3);
            QCOMPARE(changed.size(), 3);
            s.setCpuThreads(-2);
            QCOMPARE(s.cpuThreads(), 0); // below 1: automatic
            s.setCpuThreads(6);
        }
        AppSettings s(ini);
        QCOMPARE(s.cpuThreads(), 6);
        QCOMPARE(s.cpuFastPrompts(), true);
        s.resetGenerationDefaults(); // the conversation defaults' button leaves the CPU alone
        QCOMPARE(s.cpuThreads(), 6);
        QSignalSpy changed(&s, &AppSettings::changed);
        s.resetCpuDefaults();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(s.cpuThreads(), 0);
        QCOMPARE(s.cpuFastPrompts(), false);
        QCOMPARE(s.language(), QString()); // untouched
        QCOMPARE(AppSettings(ini).cpuThreads(), 0);
        QCOMPARE(AppSettings(ini).cpuFastPrompts(), false);
    }

    void dataDirComesFromCommandLineThenEnvironmentThenPlatform() {
        QTemporaryDir dir;
        const QString fromCli = dir.filePath("cli/profile");
        DataDir d = resolveDataDir(fromCli);
        QVERIFY(d.overridden);
        QVERIFY(d.error().isEmpty());
        QCOMPARE(d.path, fromCli);
        QVERIFY(QDir(fromCli).exists());

        qputenv("SOSOIK_DATA_DIR", dir.filePath("env").toUtf8());
        d = resolveDataDir(QString());
        QCOMPARE(d.path, dir.filePath("env"));
        QVERIFY(d.overridden);
        d = resolveDataDir(fromCli); // the command line wins
        QCOMPARE(d.path, fromCli);
        qunsetenv("SOSOIK_DATA_DIR");

        d = resolveDataDir(QString());
        QVERIFY(!d.overridden);
        QCOMPARE(d.path, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    }

    // The real `sosoik` binary keeps its profile where --data-dir (or SOSOIK_DATA_DIR) says.
    void appBinaryHonoursDataDirOptionAndVariable() {
        const QString app = QFileInfo(sosoik::test::cliPath()).dir().filePath(QStringLiteral("sosoik"));
        if (!QFileInfo(app).isExecutable()) QSKIP("the sosoik binary is not built next to sosoik-cli");
        QTemporaryDir dir;
        for (const bool viaEnvironment : {false, true}) {
            const QString profile = dir.filePath(viaEnvironment ? "from-env" : "from-option");
            QProcess process;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            QStringList args;
            if (viaEnvironment)
                env.insert(QStringLiteral("SOSOIK_DATA_DIR"), profile);
            else
                args << QStringLiteral("--data-dir") << profile;
            process.setProcessEnvironment(env);
            process.start(app, args);
            QVERIFY(process.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(profile + QStringLiteral("/sosoik.db")), 30000);
            QCOMPARE(process.state(), QProcess::Running); // the window is up, not an early exit
            process.kill();
            process.waitForFinished();
        }
        QProcess help;
        help.start(app, {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(30000));
        QVERIFY(help.readAllStandardOutput().contains("--data-dir"));
    }

    void unwritableDataDirIsReportedInWords() {
        QTemporaryDir dir;
        QFile blocker(dir.filePath("file"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const DataDir d = resolveDataDir(dir.filePath("file/sub"));
        QVERIFY(d.error().contains("Cannot create the data folder"));
    }

    void languageFollowsLocaleUnlessOverridden() {
        QCOMPARE(LanguageSwitcher::languageForLocale(QLocale(QLocale::Korean, QLocale::SouthKorea)),
                 QStringLiteral("ko"));
        QCOMPARE(LanguageSwitcher::languageForLocale(QLocale(QLocale::German)), QStringLiteral("en"));

        QTemporaryDir dir;
        AppSettings s(dir.filePath("settings.ini"));
        LanguageSwitcher switcher(&s);
        s.setLanguage("ko");
        QCOMPARE(switcher.current(), QStringLiteral("ko"));
        // The Korean catalogue is compiled in and translates the app's strings.
        QCOMPARE(QCoreApplication::translate("sosoik::app::ChatController", "Stopped."),
                 QStringLiteral("중지됨."));
        s.setLanguage("en");
        QCOMPARE(switcher.current(), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("sosoik::app::ChatController", "Stopped."),
                 QStringLiteral("Stopped."));
    }

    // What Qt formats by itself (its file dialog's dates, Qt.locale() in QML) follows the UI language,
    // not only the system's locale: a Korean UI on an English system listed English dates.
    void defaultLocaleFollowsUiLanguage() {
        // The system's own locale is kept when it speaks the chosen language (its region's formats).
        QCOMPARE(LanguageSwitcher::localeFor("en", QLocale(QLocale::English, QLocale::UnitedKingdom)).name(),
                 QStringLiteral("en_GB"));
        QCOMPARE(LanguageSwitcher::localeFor("ko", QLocale(QLocale::English, QLocale::UnitedKingdom)).name(),
                 QStringLiteral("ko_KR"));
        QCOMPARE(LanguageSwitcher::localeFor("en", QLocale(QLocale::German)).name(), QStringLiteral("en_US"));
        QCOMPARE(LanguageSwitcher::localeFor("en", QLocale(QLocale::Korean, QLocale::SouthKorea)).name(),
                 QStringLiteral("en_US"));

        QTemporaryDir dir;
        AppSettings s(dir.filePath("settings.ini"));
        LanguageSwitcher switcher(&s);
        QQmlEngine engine;
        const auto qml = [&engine](const QString& expression) {
            return engine.evaluate(expression).toString();
        };
        // 2026-12-06 15:30: Korean says 오후 (afternoon) where English says PM.
        const QString when = QStringLiteral("Qt.formatDateTime(new Date(2026, 11, 6, 15, 30))");

        s.setLanguage("ko");
        QCOMPARE(QLocale().language(), QLocale::Korean);
        QCOMPARE(qml("Qt.locale().name"), QStringLiteral("ko_KR"));
        QVERIFY2(qml(when).contains(QStringLiteral("오후")), qPrintable(qml(when)));

        s.setLanguage("en");
        QCOMPARE(QLocale().language(), QLocale::English);
        QVERIFY2(qml(when).contains(QStringLiteral("PM")), qPrintable(qml(when)));
        QCOMPARE(qml("Qt.locale().name"), QLocale().name());

        s.setLanguage(""); // like the system
        QCOMPARE(switcher.current(), LanguageSwitcher::languageForLocale(QLocale::system()));
        QCOMPARE(QLocale().name(), LanguageSwitcher::localeFor(switcher.current(), QLocale::system()).name());
    }
};

QTEST_MAIN(TestAppSettings)
#include "tst_app_settings.moc"
