// The README's set-up (installer/bootstrap.sh run) must install every QML module the app loads. Qt
// resolves QML imports only at run time, and a missing one fails only when that screen opens: issue #13's
// file dialogs imported Qt.labs.folderlistmodel through QtQuick.Dialogs' own Qt Quick implementation,
// which nothing installed, and crashed. This test parses every `import` of the app's QML, follows each
// module's qmldir dependencies and its own QML files' imports, and checks that the Debian package owning
// each module is one bootstrap.sh installs (or one of their direct dependencies). Skips without dpkg.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

namespace {

QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QSet<QString> importsIn(const QString& text, bool qmldir) {
    static const QRegularExpression qml(QStringLiteral("^\\s*import\\s+([A-Za-z][\\w.]*)"),
                                        QRegularExpression::MultilineOption);
    static const QRegularExpression dir(QStringLiteral("^(?:depends|import)\\s+([\\w.]+)"),
                                        QRegularExpression::MultilineOption);
    QSet<QString> out;
    for (auto it = (qmldir ? dir : qml).globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(1));
    return out;
}

// The app's own direct imports (module names, relative imports left out). Its own module, Sosoik, is
// built into the binary (app/CMakeLists.txt), not installed.
QSet<QString> appImports(const QString& sourceDir) {
    QSet<QString> out;
    for (QDirIterator it(sourceDir + QStringLiteral("/app"), {QStringLiteral("*.qml")}, QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext();)
        out += importsIn(readAll(it.next()), false);
    out.remove(QStringLiteral("Sosoik"));
    return out;
}

// Every module reachable from `roots`: name -> its directory here (empty when not installed).
QMap<QString, QString> closure(const QSet<QString>& roots) {
    const QString qmlRoot = QLibraryInfo::path(QLibraryInfo::QmlImportsPath);
    QMap<QString, QString> seen;
    QList<QString> todo(roots.begin(), roots.end());
    while (!todo.isEmpty()) {
        const QString module = todo.takeLast();
        if (seen.contains(module)) continue;
        const QString path =
            qmlRoot + QLatin1Char('/') + QString(module).replace(QLatin1Char('.'), QLatin1Char('/'));
        const bool installed = QFileInfo::exists(path + QStringLiteral("/qmldir"));
        seen.insert(module, installed ? path : QString());
        if (!installed) continue;
        for (QDirIterator it(path, {QStringLiteral("qmldir"), QStringLiteral("*.qml")}, QDir::Files,
                             QDirIterator::Subdirectories);
             it.hasNext();) {
            const QString file = it.next();
            if (file.contains(QStringLiteral("/designer/")))
                continue; // Qt Design Studio metadata, never loaded
            for (const QString& m : importsIn(readAll(file), it.fileName() == QLatin1String("qmldir")))
                if (!seen.contains(m)) todo.append(m);
        }
    }
    return seen;
}

// installer/bootstrap.sh's PACKAGES=( ... ): what `bootstrap.sh run` installs.
QSet<QString> bootstrapPackages(const QString& sourceDir) {
    const QString script = readAll(sourceDir + QStringLiteral("/installer/bootstrap.sh"));
    static const QRegularExpression block(QStringLiteral("^PACKAGES=\\(([^)]*)\\)"),
                                          QRegularExpression::MultilineOption);
    const auto m = block.match(script);
    if (!m.hasMatch()) return {};
    QSet<QString> out;
    for (const QString& word :
         m.captured(1).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
        out.insert(word);
    return out;
}

QString run(const QString& program, const QStringList& arguments) {
    QProcess p;
    p.start(program, arguments);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestQmlModules : public QObject {
    Q_OBJECT
    QString sourceDir = qEnvironmentVariable("SOSOIK_SOURCE_DIR");

private slots:
    void initTestCase() {
        if (sourceDir.isEmpty()) QSKIP("SOSOIK_SOURCE_DIR is not set");
        if (QStandardPaths::findExecutable(QStringLiteral("dpkg")).isEmpty())
            QSKIP("not a Debian system: no dpkg to map QML modules to packages");
    }

    void theParserSeesTheKnownImports() {
        const QSet<QString> direct = appImports(sourceDir);
        QVERIFY(direct.contains(QStringLiteral("QtQuick.Dialogs")));
        QVERIFY(direct.contains(QStringLiteral("QtQuick.Controls")));
        QVERIFY(!direct.contains(QStringLiteral("..")));
        QVERIFY(!direct.contains(QStringLiteral("Sosoik"))); // the app's own module
        // The import that crashed the file dialogs is found through QtQuick.Dialogs.
        QVERIFY(!closure({QStringLiteral("QtQuick.Dialogs")})
                     .value(QStringLiteral("Qt.labs.folderlistmodel"))
                     .isEmpty());
        QVERIFY(bootstrapPackages(sourceDir).contains(QStringLiteral("qt6-base-dev")));
    }

    void bootstrapInstallsEveryQmlModuleTheAppLoads() {
        const QSet<QString> direct = appImports(sourceDir);
        const QMap<QString, QString> modules = closure(direct);
        QStringList problems, paths, names;
        for (auto it = modules.begin(); it != modules.end(); ++it) {
            if (!it.value().isEmpty()) {
                names << it.key();
                paths << QFileInfo(it.value() + QStringLiteral("/qmldir")).canonicalFilePath();
            } else if (direct.contains(it.key())) {
                problems << QStringLiteral("the app imports %1, which is not installed here").arg(it.key());
            } // else: imported by a part of a Qt module the app does not use (another Controls style)
        }
        QVERIFY(names.size() >= 8);

        // dpkg -S prints "package: path" per owned file, in no promised order.
        QMap<QString, QString> owner;
        for (const QString& line :
             run(QStringLiteral("dpkg"), QStringList{QStringLiteral("-S")} + paths).split('\n'))
            if (const int colon = line.indexOf(QStringLiteral(": ")); colon > 0)
                owner.insert(line.mid(colon + 2).trimmed(), line.left(colon).section(QLatin1Char(':'), 0, 0));

        const QSet<QString> packages = bootstrapPackages(sourceDir);
        QSet<QString> covered = packages;
        for (const QString& package : packages)
            for (const QString& part : run(QStringLiteral("dpkg-query"),
                                           {QStringLiteral("-W"), QStringLiteral("-f=${Depends}"), package})
                                           .split(QLatin1Char(',')))
                for (const QString& alternative : part.split(QLatin1Char('|')))
                    if (const QString name = alternative.trimmed().section(QLatin1Char(' '), 0, 0);
                        !name.isEmpty())
                        covered.insert(name.section(QLatin1Char(':'), 0, 0));

        for (int i = 0; i < names.size(); ++i) {
            const QString package = owner.value(paths[i]);
            if (package.isEmpty())
                problems
                    << QStringLiteral("no Debian package owns %1 (QML module %2)").arg(paths[i], names[i]);
            else if (!covered.contains(package))
                problems << QStringLiteral("installer/bootstrap.sh does not install %1 (QML module %2)")
                                .arg(package, names[i]);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestQmlModules)
#include "tst_qml_modules.moc"
