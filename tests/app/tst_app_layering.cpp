// The app's layering, checked on its sources: every GUI folder under app/ is a feature library declared
// in app/CMakeLists.txt (sosoik_app_feature) with the features it may use, and its #includes stay
// within itself, those declared features, the engine's public API (sosoik/) and system/Qt headers.
// The declared graph has no cycle, nothing depends on the composition root (shell/), and no feature
// reaches into another feature's controller.
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

QString sourceDir() {
    return qEnvironmentVariable("SOSOIK_SOURCE_DIR");
}

// folder -> declared dependencies, from the table app/CMakeLists.txt generates.
QHash<QString, QSet<QString>> readLayers(QString* error) {
    QHash<QString, QSet<QString>> layers;
    QFile file(qEnvironmentVariable("SOSOIK_APP_LAYERS"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the layer table '%1'").arg(file.fileName());
        return layers;
    }
    for (const QByteArray& raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty()) continue;
        const qsizetype eq = line.indexOf('=');
        const QStringList deps = line.mid(eq + 1).split(',', Qt::SkipEmptyParts);
        layers.insert(line.left(eq), QSet<QString>(deps.begin(), deps.end()));
    }
    return layers;
}

struct Include {
    QString file;   // relative to app/
    QString folder; // the including file's folder, relative to app/
    QString target; // what it includes, as written
};

QList<Include> quotedIncludes() {
    static const QRegularExpression includeLine(QStringLiteral(R"(^\s*#\s*include\s+"([^"]+)\")"),
                                                QRegularExpression::MultilineOption);
    const QString app = sourceDir() + QStringLiteral("/app/");
    QList<Include> out;
    QDirIterator it(app, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = path.mid(app.size());
        if (relative.startsWith(QStringLiteral("cli/")) || !relative.contains('/')) continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) continue;
        const QString text = QString::fromUtf8(file.readAll());
        const QString folder = relative.left(relative.lastIndexOf('/'));
        for (auto match = includeLine.globalMatch(text); match.hasNext();)
            out.append({relative, folder, match.next().captured(1)});
    }
    return out;
}

QString folderOf(const QString& include) {
    const qsizetype slash = include.lastIndexOf('/');
    return slash < 0 ? QString() : include.left(slash);
}

} // namespace

class TestAppLayering : public QObject {
    Q_OBJECT
    QHash<QString, QSet<QString>> layers;

private slots:
    void initTestCase() {
        if (sourceDir().isEmpty()) QSKIP("SOSOIK_SOURCE_DIR is not set");
        QString error;
        layers = readLayers(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(layers.contains(QStringLiteral("shell")));
        QVERIFY(layers.contains(QStringLiteral("inference")));
    }

    void everyFolderIsADeclaredFeature() {
        QSet<QString> undeclared;
        for (const Include& include : quotedIncludes())
            if (!layers.contains(include.folder)) undeclared.insert(include.folder);
        QVERIFY2(undeclared.isEmpty(), qPrintable(QStringList(undeclared.values()).join(", ")));
    }

    void includesStayWithinDeclaredDependencies() {
        QStringList violations;
        for (const Include& include : quotedIncludes()) {
            const QString target = folderOf(include.target);
            if (target.isEmpty() || target == include.folder || target == QLatin1String("sosoik")) continue;
            if (!layers.value(include.folder).contains(target))
                violations << QStringLiteral("%1 includes %2, but %3 does not declare %4")
                                  .arg(include.file, include.target, include.folder, target);
        }
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join('\n')));
    }

    void nothingDependsOnTheShell() {
        for (auto it = layers.cbegin(); it != layers.cend(); ++it)
            QVERIFY2(!it.value().contains(QStringLiteral("shell")), qPrintable(it.key()));
    }

    void declaredGraphHasNoCycle() {
        // Kahn's algorithm: a folder is placed once everything it depends on is placed.
        QSet<QString> placed;
        bool progress = true;
        while (progress && placed.size() < layers.size()) {
            progress = false;
            for (auto it = layers.cbegin(); it != layers.cend(); ++it)
                if (!placed.contains(it.key()) && placed.contains(it.value())) {
                    placed.insert(it.key());
                    progress = true;
                }
        }
        QSet<QString> left = QSet<QString>(layers.keyBegin(), layers.keyEnd()) - placed;
        QVERIFY2(left.isEmpty(), qPrintable(QStringList(left.values()).join(", ")));
    }

    void noFeatureIncludesAnotherFeaturesController() {
        QStringList violations;
        for (const Include& include : quotedIncludes()) {
            const QString target = folderOf(include.target);
            if (include.folder == QLatin1String("shell") || target == include.folder) continue;
            if (include.target.endsWith(QLatin1String("_controller.h")))
                violations << include.file + QStringLiteral(" includes ") + include.target;
        }
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join('\n')));
    }
};

QTEST_GUILESS_MAIN(TestAppLayering)
#include "tst_app_layering.moc"
