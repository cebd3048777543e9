// Issue #13 item 7 / #19 item 3: the data folder was created 0755 and settings.ini 0644 although the
// README promises owner-only. Now every folder Sosoik creates is 0700, every file 0600 whatever the
// user's umask, and a data folder left readable by an earlier version is tightened with a notice,
// without touching the user's own files in a chosen --data-dir.
#include "chat/chat_controller.h"
#include "settings/app_settings.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "storage/data_dir.h"
#include "support/scripted_context.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace sosoik;

namespace {

int modeOf(const QString& path) {
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0) return -1;
    return int(st.st_mode & 0777);
}

void write(const QString& path, int mode) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("x");
    f.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
}

} // namespace

class TestPrivateData : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void aNewDataFolderIsOwnerOnlyWhateverTheUmask() {
        ::umask(022); // the usual desktop umask: before the fix, mkpath made 0755 folders
        const QString path = dir.filePath("new/nested/profile");
        const app::DataDir dataDir = app::resolveDataDir(path);
        QVERIFY(dataDir.error().isEmpty());
        QVERIFY(dataDir.notice().isEmpty());
        QCOMPARE(modeOf(path), 0700);
        QCOMPARE(modeOf(dir.filePath("new/nested")), 0700);
        QCOMPARE(modeOf(dir.filePath("new")), 0700);
    }

    void everyFileTheAppWritesIsOwnerOnly() {
        ::umask(022);
        app::configureApplication(); // what main() does first
        const QString path = dir.filePath("app-profile");
        {
            auto context = app::test::makeScriptedContext(app::resolveDataDir(path));
            QVERIFY(context->startupError().isEmpty());
            QVERIFY(context->chat()->noticeText().isEmpty());
            context->settings()->setTemperature(0.5); // writes settings.ini
        }
        QCOMPARE(modeOf(path), 0700);
        int files = 0;
        for (QDirIterator it(path, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                             QDirIterator::Subdirectories);
             it.hasNext();) {
            const QString entry = it.next();
            QCOMPARE(modeOf(entry), it.fileInfo().isDir() ? 0700 : 0600);
            ++files;
        }
        QVERIFY(QFile::exists(path + "/settings.ini"));
        QVERIFY(QFile::exists(path + "/sosoik.db"));
        QVERIFY(files >= 2);
    }

    void aLooseOldDataFolderIsTightenedWithANotice() {
        const QString path = dir.filePath("old-profile");
        QVERIFY(QDir().mkpath(path));
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0755), 0);
        write(path + "/sosoik.db", 0644);
        write(path + "/settings.ini", 0644);
        write(path + "/my-notes.txt", 0644); // the user's own file in a chosen --data-dir: left alone
        const app::DataDir dataDir = app::resolveDataDir(path);
        QVERIFY2(dataDir.notice().contains(QDir::toNativeSeparators(path)), qPrintable(dataDir.notice()));
        QCOMPARE(modeOf(path), 0700);
        QCOMPARE(modeOf(path + "/sosoik.db"), 0600);
        QCOMPARE(modeOf(path + "/settings.ini"), 0600);
        QCOMPARE(modeOf(path + "/my-notes.txt"), 0644);
        // The app says so once, in its notice bar.
        auto context = app::test::makeScriptedContext(dataDir);
        QCOMPARE(context->chat()->noticeText(), dataDir.notice());
        // Already private: nothing to say the next time.
        QVERIFY(app::resolveDataDir(path).notice().isEmpty());
    }

    // The folder is resolved before the UI language is known (its settings.ini says it): the notice
    // is still in the user's language, and the folder itself is not listed as "(.)".
    void theNoticeIsInTheUiLanguage() {
        const QString path = dir.filePath("korean-profile");
        QVERIFY(QDir().mkpath(path));
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0755), 0);
        {
            QFile ini(path + "/settings.ini");
            QVERIFY(ini.open(QIODevice::WriteOnly));
            ini.write("[ui]\nlanguage=ko\n");
        }
        QCOMPARE(::chmod(QFile::encodeName(path + "/settings.ini").constData(), 0600), 0);
        const app::DataDir dataDir = app::resolveDataDir(path);
        QCOMPARE(dataDir.tightened, QStringList{QStringLiteral(".")});
        auto context = app::test::makeScriptedContext(dataDir);
        const QString shown = context->chat()->noticeText();
        QVERIFY2(shown.contains(QStringLiteral("다른 사용자")), qPrintable(shown));
        QVERIFY2(shown.contains(QDir::toNativeSeparators(path)), qPrintable(shown));
        QVERIFY2(!shown.contains(QStringLiteral("(.")), qPrintable(shown));
    }
};

QTEST_MAIN(TestPrivateData)
#include "tst_private_data.moc"
