// Where file and folder dialogs open (dialogs/dialog_folders.h). Found clicking through the app: with a
// models folder that does not exist yet, Settings → Models → Change… listed the directory Sosoik was
// started from (Qt's own dialog falls back to the working directory). The rule on paths, then the real
// main window's folder and document dialogs.
#include "dialogs/dialog_folders.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "support/scripted_context.h"

#include <QDir>
#include <QFile>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace sosoik;
using app::DialogFolders;

class TestDialogFolders : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_home;

    // The folder Qt's open dialog (a QQuickFileDialogImpl or QQuickFolderDialogImpl) lists.
    static QUrl listedFolder(QQuickWindow* window, const char* impl) {
        for (QObject* o : window->findChildren<QObject*>())
            if (o->inherits(impl) && o->property("visible").toBool())
                return o->property("currentFolder").toUrl();
        return {};
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // The working directory is the build folder (CTest); home is a folder of its own.
        m_home = m_dir.filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(m_home));
        qputenv("HOME", QFile::encodeName(m_home));
        QCOMPARE(QDir::homePath(), m_home);
        app::configureApplication();
    }

    void aFolderThatExistsIsItself() {
        QCOMPARE(DialogFolders::nearestExistingFolder(m_dir.path(), m_home), m_dir.path());
        QCOMPARE(DialogFolders::nearestExistingFolder(m_dir.path() + QStringLiteral("/"), m_home),
                 m_dir.path());
    }

    void aMissingFolderStartsAtItsNearestExistingParent() {
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("a/b"))));
        QCOMPARE(
            DialogFolders::nearestExistingFolder(m_dir.filePath(QStringLiteral("a/b/c/d/models")), m_home),
            m_dir.filePath(QStringLiteral("a/b")));
        QCOMPARE(DialogFolders::nearestExistingFolder(m_dir.filePath(QStringLiteral("a/x/../b/new")), m_home),
                 m_dir.filePath(QStringLiteral("a/b")));
    }

    void aFileStartsInItsFolder() {
        QFile file(m_dir.filePath(QStringLiteral("a/notes.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QCOMPARE(DialogFolders::nearestExistingFolder(file.fileName(), m_home),
                 m_dir.filePath(QStringLiteral("a")));
        // A folder path running through a file: the file's folder.
        QCOMPARE(DialogFolders::nearestExistingFolder(file.fileName() + QStringLiteral("/sub"), m_home),
                 m_dir.filePath(QStringLiteral("a")));
    }

    void nothingUsefulStartsAtHome() {
        QCOMPARE(DialogFolders::nearestExistingFolder(QString(), m_home), m_home);
        QCOMPARE(DialogFolders::nearestExistingFolder(QStringLiteral("relative/models"), m_home), m_home);
        // Only the root exists above it (a drive that is not mounted): home, not "/".
        QCOMPARE(DialogFolders::nearestExistingFolder(QStringLiteral("/sosoik-no-such-mount/models"), m_home),
                 m_home);
        DialogFolders folders;
        QCOMPARE(folders.startFolder(QUrl()), QUrl::fromLocalFile(m_home));
        QCOMPARE(folders.startFolder(QUrl(QStringLiteral("https://example.com/models"))),
                 QUrl::fromLocalFile(m_home));
        // The URL form QML builds ("file://" + encodeURI(path)), with a Korean folder name.
        const QString korean = m_dir.filePath(QStringLiteral("모델 폴더"));
        QVERIFY(QDir().mkpath(korean));
        QCOMPARE(
            folders.startFolder(QUrl(QStringLiteral("file://") +
                                     QString::fromLatin1(QUrl::toPercentEncoding(korean + "/새 폴더", "/")))),
            QUrl::fromLocalFile(korean));
    }

    void anUnreadableParentIsPassedOver() {
        if (geteuid() == 0) QSKIP("root reads every folder");
        const QString locked = m_dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(locked + QStringLiteral("/inside")));
        QVERIFY(QFile::setPermissions(locked, QFileDevice::WriteOwner));
        const QString start =
            DialogFolders::nearestExistingFolder(locked + QStringLiteral("/inside/new"), m_home);
        QFile::setPermissions(locked,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QCOMPARE(start, m_dir.path());
    }

    // The real main window: the models folder's dialog and Open document…
    void theAppsDialogsOpenThere() {
        const QString profile = m_dir.filePath(QStringLiteral("profile"));
        QVERIFY(QDir().mkpath(profile));
        const QString missing = m_dir.filePath(QStringLiteral("a/b/not yet/models"));
        {
            QFile ini(profile + QStringLiteral("/settings.ini"));
            QVERIFY(ini.open(QIODevice::WriteOnly));
            ini.write("[library]\nmodelsDir=" + missing.toUtf8() + "\n");
        }
        auto context = app::test::makeScriptedContext(profile);
        QQuickWindow* window = context->loadMainWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));

        QObject* settings = window->findChild<QObject*>(QStringLiteral("settingsDialog"));
        QVERIFY(settings);
        QMetaObject::invokeMethod(settings, "open");
        QObject* folders = nullptr;
        QTRY_VERIFY((folders = window->findChild<QObject*>(QStringLiteral("modelsFolderDialog"))));
        QVERIFY(QMetaObject::invokeMethod(folders, "open"));
        QUrl listed;
        QTRY_VERIFY(!(listed = listedFolder(window, "QQuickFolderDialogImpl")).isEmpty());
        QCOMPARE(listed, QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("a/b"))));
        QMetaObject::invokeMethod(folders, "close");
        QMetaObject::invokeMethod(settings, "close");

        // Open document… names no folder: home, not the working directory.
        QObject* documents = window->findChild<QObject*>(QStringLiteral("documentFileDialog"));
        QVERIFY(documents);
        QVERIFY(QMetaObject::invokeMethod(documents, "open"));
        QTRY_VERIFY(!(listed = listedFolder(window, "QQuickFileDialogImpl")).isEmpty());
        QCOMPARE(listed, QUrl::fromLocalFile(m_home));
        QVERIFY(QDir::currentPath() != m_home);
    }

    // Under Xvfb every session's first Open document… and Open file… listed the home folder again: each
    // opens where a file of its kind was last chosen, also after a restart; the other keeps its own.
    void aDialogOpensWhereItsLastFileWasChosen() {
        const QString profile = m_dir.filePath(QStringLiteral("profile-remember"));
        const QString chosenIn = m_dir.filePath(QStringLiteral("papers"));
        QVERIFY(QDir().mkpath(chosenIn));
        const QUrl chosen = QUrl::fromLocalFile(chosenIn + QStringLiteral("/report.txt"));
        QFile report(chosen.toLocalFile());
        QVERIFY(report.open(QIODevice::WriteOnly));
        report.close();
        {
            auto context = app::test::makeScriptedContext(profile);
            QQuickWindow* window = context->loadMainWindow();
            QVERIFY(window);
            QVERIFY(QTest::qWaitForWindowExposed(window));
            QObject* documents = window->findChild<QObject*>(QStringLiteral("documentFileDialog"));
            QVERIFY(documents);
            QVERIFY(QMetaObject::invokeMethod(documents, "open"));
            QUrl listed;
            QTRY_VERIFY(!(listed = listedFolder(window, "QQuickFileDialogImpl")).isEmpty());
            QCOMPARE(listed, QUrl::fromLocalFile(m_home));
            // What the dialog's Open does with the file the user picked.
            QVERIFY(QMetaObject::invokeMethod(documents, "finish", Q_ARG(QVariant, QVariantList{chosen})));
            QVERIFY(QMetaObject::invokeMethod(documents, "close"));
            QTRY_VERIFY(listedFolder(window, "QQuickFileDialogImpl").isEmpty());
            QVERIFY(QMetaObject::invokeMethod(documents, "open"));
            QTRY_COMPARE(listedFolder(window, "QQuickFileDialogImpl"), QUrl::fromLocalFile(chosenIn));
            QVERIFY(QMetaObject::invokeMethod(documents, "close"));
        }
        // A new session (the same profile): still there; the model dialog keeps to home.
        auto context = app::test::makeScriptedContext(profile);
        QQuickWindow* window = context->loadMainWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QObject* documents = window->findChild<QObject*>(QStringLiteral("documentFileDialog"));
        QVERIFY(documents);
        QVERIFY(QMetaObject::invokeMethod(documents, "open"));
        QTRY_COMPARE(listedFolder(window, "QQuickFileDialogImpl"), QUrl::fromLocalFile(chosenIn));
        QVERIFY(QMetaObject::invokeMethod(documents, "close"));
        QTRY_VERIFY(listedFolder(window, "QQuickFileDialogImpl").isEmpty());
        QObject* models = window->findChild<QObject*>(QStringLiteral("modelFileDialog"));
        QVERIFY(models);
        QVERIFY(QMetaObject::invokeMethod(models, "open"));
        QTRY_COMPARE(listedFolder(window, "QQuickFileDialogImpl"), QUrl::fromLocalFile(m_home));
        QVERIFY(QMetaObject::invokeMethod(models, "close"));
    }
};

QTEST_MAIN(TestDialogFolders)
#include "tst_dialog_folders.moc"
