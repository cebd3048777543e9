// First launch of the real app (SOSOIK_APP) as a new user would see it: a private Xvfb display, no
// platform theme, a fresh data dir and fresh XDG folders, no settings. The app must load a
// built-in model by itself (the Korean demo for a Korean locale, SmolLM2 otherwise); the test
// types a question with xdotool, presses Enter and reads the answer the app saved in its
// database. SOSOIK_SCREENSHOT_DIR=dir keeps the screenshots (docs/first-run-*.png). Skips cleanly
// without Xvfb/xdotool, and the English case without SmolLM2 (bash installer/fetch-models.sh).
#include "app/hotkey/xvfb_session.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPixmap>
#include <QProcess>
#include <QScreen>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using sosoik::test::XvfbSession;

namespace {
XvfbSession* g_xvfb = nullptr;
bool g_haveX = false;

QString smolLM2Dir() {
    const QString file = QStandardPaths::locate(QStandardPaths::GenericDataLocation,
                                                "sosoik/models/SmolLM2-135M-Instruct.Q4_1.gguf");
    return file.isEmpty() ? QString() : QFileInfo(file).absolutePath();
}

int hangulSyllables(const QString& s) {
    int n = 0;
    for (QChar c : s)
        n += c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3;
    return n;
}

QByteArray xdotool(const QStringList& arguments) {
    return XvfbSession::run("xdotool", arguments, 30000);
}

// The app started with its own profile; stopped (and its profile deleted) on destruction.
class FirstRunApp {
public:
    // settingsIni: written into the fresh profile before launch (empty: no settings at all).
    FirstRunApp(const QString& locale, const QString& modelsDir, const QByteArray& settingsIni = {}) {
        if (!settingsIni.isEmpty()) {
            QDir().mkpath(dataDir());
            QFile::setPermissions(dataDir(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QFile ini(QDir(dataDir()).filePath("settings.ini"));
            if (ini.open(QIODevice::WriteOnly)) ini.write(settingsIni);
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"})
            env.insert(var, locale);
        env.insert("XDG_CONFIG_HOME", home_.filePath("config"));
        env.insert("XDG_DATA_HOME", home_.filePath("data"));
        env.insert("XDG_CACHE_HOME", home_.filePath("cache"));
        env.remove("QT_QPA_PLATFORMTHEME"); // no platform theme: Qt's own dialogs, as on a bare desktop
        env.insert("QT_QPA_PLATFORM", "xcb");
        if (!modelsDir.isEmpty()) env.insert("SOSOIK_MODELS_DIR", modelsDir);
        process_.setProcessEnvironment(env);
        process_.setProcessChannelMode(QProcess::ForwardedChannels);
        process_.start(qEnvironmentVariable("SOSOIK_APP"), {"--data-dir", dataDir()});
        process_.waitForStarted(10000);
    }
    ~FirstRunApp() {
        QSqlDatabase::removeDatabase("firstrun");
        process_.terminate();
        if (!process_.waitForFinished(10000)) process_.kill();
        process_.waitForFinished(3000);
    }
    QString dataDir() const { return home_.filePath("profile"); }
    bool running() const { return process_.state() == QProcess::Running; }

    // The model the app chose, once it has loaded (the recent-models list in its settings).
    QString loadedModel() const {
        QFile settings(QDir(dataDir()).filePath("settings.ini"));
        if (!settings.open(QIODevice::ReadOnly)) return {};
        for (const QByteArray& line : settings.readAll().split('\n'))
            if (line.startsWith("1\\path=")) return QString::fromUtf8(line.mid(7));
        return {};
    }

    QString lastQuestion() { return lastMessage("user"); }
    // The latest assistant message in the app's database (written when the answer is complete).
    QString lastAnswer() { return lastMessage("assistant"); }

private:
    QString lastMessage(const QString& role) {
        QSqlDatabase db = QSqlDatabase::contains("firstrun")
                              ? QSqlDatabase::database("firstrun")
                              : QSqlDatabase::addDatabase("QSQLITE", "firstrun");
        db.setDatabaseName(QDir(dataDir()).filePath("sosoik.db"));
        db.setConnectOptions("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000");
        if (!db.isOpen() && !db.open()) return {};
        QSqlQuery q(db);
        q.prepare("SELECT content FROM messages WHERE role = ? AND (role = 'user' OR completion_tokens > 0) "
                  "ORDER BY id DESC LIMIT 1");
        q.addBindValue(role);
        if (!q.exec() || !q.next()) return {};
        return q.value(0).toString();
    }

    QTemporaryDir home_;
    QProcess process_;
};

// The main window's id, once it shows.
QByteArray mainWindowId() {
    return xdotool({"search", "--sync", "--onlyvisible", "--name", "^Sosoik$"}).split('\n').first();
}

// Presses keys in the app's main window (it has the keyboard focus once clicked).
bool keys(const QStringList& names) {
    for (const QString& key : names) {
        if (xdotool({"key", "--clearmodifiers", key}).isNull()) return false;
        QTest::qWait(300);
    }
    return true;
}

// Types text one character at a time (see ask()).
bool type(const QString& text) {
    for (const QChar c : text) {
        if (xdotool({"type", "--delay", "50", QString(c)}).isNull()) return false;
        QTest::qWait(20);
    }
    return true;
}

// The share of pixels that differ between two screenshots of the same size.
double changedShare(const QImage& a, const QImage& b) {
    if (a.size() != b.size() || a.isNull()) return 0;
    qint64 changed = 0;
    for (int y = 0; y < a.height(); y += 2)
        for (int x = 0; x < a.width(); x += 2)
            changed += a.pixel(x, y) != b.pixel(x, y);
    return double(changed) / (double(a.width() / 2) * (a.height() / 2));
}

QImage screen() {
    return QGuiApplication::primaryScreen()->grabWindow(0, 0, 0, 1100, 720).toImage();
}

// Clicks into the message box (bottom of the main window), types text and presses Enter.
bool ask(const QString& text) {
    const QByteArray id =
        xdotool({"search", "--sync", "--onlyvisible", "--name", "^Sosoik$"}).split('\n').first();
    if (id.isEmpty()) return false;
    QMap<QString, int> g;
    for (const QByteArray& line : xdotool({"getwindowgeometry", "--shell", id}).split('\n'))
        if (const int eq = line.indexOf('='); eq > 0) g[line.left(eq)] = line.mid(eq + 1).toInt();
    const int x = g["X"] + g["WIDTH"] * 6 / 10, y = g["Y"] + g["HEIGHT"] - 34;
    if (xdotool({"mousemove", QString::number(x), QString::number(y), "click", "1"}).isNull()) return false;
    QTest::qWait(600);
    // The first character after the click was lost now and then on a loaded machine (focus or the first
    // keymap change not yet seen: "안녕하세요" arrived as "녕하세요"). A primer that is lost is harmless and
    // one that arrives is erased.
    if (!text.isEmpty()) {
        if (xdotool({"type", "--delay", "100", QString(text.front())}).isNull()) return false;
        QTest::qWait(300);
        if (xdotool({"key", "BackSpace"}).isNull()) return false;
        QTest::qWait(300);
    }
    // One character per xdotool call, with a pause: for a character missing from the keymap (Hangul)
    // xdotool remaps a spare key, and the app must see that mapping change before the key press
    // (typed in one go, "안녕하세요" arrived as "하하").
    for (const QChar c : text) {
        if (xdotool({"type", "--delay", "100", QString(c)}).isNull()) return false;
        QTest::qWait(c.unicode() < 128 ? 20 : 250);
    }
    QTest::qWait(300);
    return !xdotool({"key", "Return"}).isNull();
}

QString demoModel() {
    return qEnvironmentVariable("SOSOIK_SOURCE_DIR") + "/resources/models/sosoik-demo-ko.gguf";
}

void saveScreenshot(const QString& name);

// The screen once two grabs 400 ms apart agree (a text cursor's blink aside).
QImage settledScreen() {
    QImage last = screen();
    for (int i = 0; i < 20; ++i) {
        QTest::qWait(400);
        const QImage now = screen();
        if (changedShare(last, now) < 0.005) return now;
        last = now;
    }
    return last;
}

// Ctrl+O (the model picker, "Open file…" focused), then Space: true when the app is still running and
// the screen changed as a dialog appearing changes it.
bool openFileDialog(const FirstRunApp& app, const QString& screenshot = "open-file-dialog.png") {
    const QByteArray id = mainWindowId();
    if (id.isEmpty()) return false;
    QTest::qWait(1500); // the first model loads
    QMap<QString, int> g;
    for (const QByteArray& line : xdotool({"getwindowgeometry", "--shell", id}).split('\n'))
        if (const int eq = line.indexOf('='); eq > 0) g[line.left(eq)] = line.mid(eq + 1).toInt();
    // Focus the window: click into the message box.
    xdotool({"mousemove", QString::number(g["X"] + g["WIDTH"] * 6 / 10),
             QString::number(g["Y"] + g["HEIGHT"] - 34), "click", "1"});
    QTest::qWait(300);
    // Under load the first shortcut may come before the window takes keys: press until the picker shows.
    const QImage idle = settledScreen();
    for (int i = 0; i < 8 && changedShare(idle, screen()) < 0.05; ++i) {
        if (!keys({"ctrl+o"})) return false;
        QTest::qWait(1500);
    }
    const QImage before = screen();
    if (changedShare(idle, before) < 0.05) {
        qWarning("the model picker did not open");
        return false;
    }
    if (!keys({"space"})) return false;
    for (int i = 0; i < 20 && app.running() && changedShare(before, screen()) < 0.05; ++i)
        QTest::qWait(500);
    if (!app.running()) {
        qWarning("the app is gone after \"Open file…\"");
        return false;
    }
    const double changed = changedShare(before, screen());
    qInfo("\"Open file…\" changed %.0f%% of the screen", changed * 100);
    saveScreenshot(screenshot);
    return changed > 0.05;
}

void saveScreenshot(const QString& name) {
    const QString dir = qEnvironmentVariable("SOSOIK_SCREENSHOT_DIR");
    const QPixmap shot = QGuiApplication::primaryScreen()->grabWindow(0, 0, 0, 1100, 720);
    QVERIFY(!shot.isNull());
    if (!dir.isEmpty()) QVERIFY(shot.save(QDir(dir).filePath(name)));
}
} // namespace

class TestFirstRunXvfb : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (!g_haveX) QSKIP(qPrintable(g_xvfb->skipReason()));
        if (qEnvironmentVariableIsEmpty("SOSOIK_APP")) QSKIP("SOSOIK_APP is not set (GUI not built)");
    }

    void koreanFirstLaunchAnswersInKorean() {
        // Greedy: with the default sampling (temperature 0.7, a fresh seed per answer) the 1.4M-parameter demo
        // answered in Korean nearly always, but not always ("이  night." failed a CI run); its greedy answer is
        // "잘 곁을 마세요." on every backend.
        FirstRunApp app("ko_KR.UTF-8", smolLM2Dir(), "[generation]\ntemperature=0\n");
        QTRY_VERIFY_WITH_TIMEOUT(!app.loadedModel().isEmpty() || !app.running(), 60000);
        QVERIFY2(app.loadedModel().endsWith("sosoik-demo-ko.gguf"), qPrintable(app.loadedModel()));
        QTest::qWait(500); // the banner and the chat settle
        QVERIFY(ask(QStringLiteral("안녕하세요")));
        QTRY_VERIFY_WITH_TIMEOUT(!app.lastAnswer().isEmpty() || !app.running(), 120000);
        QCOMPARE(app.lastQuestion(), QStringLiteral("안녕하세요"));
        const QString answer = app.lastAnswer();
        qInfo("안녕하세요 -> %s", qPrintable(answer));
        QVERIFY2(hangulSyllables(answer) >= 2 && !answer.contains(QChar::ReplacementCharacter),
                 qPrintable(answer));
        QTest::qWait(500);
        saveScreenshot("first-run-ko.png");
    }

    // Issue #12/#13: "Open model… → Open file…" crashed the app on a desktop without a platform file
    // dialog. The picker opens with Ctrl+O and "Open file…" focused (Space presses it): Qt's own file
    // dialog must appear, take a path (its Ctrl+L path field) and the model chosen there loads.
    void openFileShowsTheFileDialogAndLoadsTheChosenModel() {
        QTemporaryDir models;
        const QString picked = models.filePath("picked.gguf");
        QVERIFY(QFile::copy(demoModel(), picked));
        FirstRunApp app("en_US.UTF-8", models.filePath("none"));
        QVERIFY(openFileDialog(app));
        QVERIFY(keys({"ctrl+l"}));
        QVERIFY(type(picked));
        QVERIFY(keys({"Return"})); // the dialog accepts the typed file
        QTest::qWait(800);
        QVERIFY(keys({"Return"})); // "Load this model", focused by the preview
        QTRY_COMPARE_WITH_TIMEOUT(app.loadedModel(), picked, 60000);
        QVERIFY(app.running());
    }

    void englishFirstLaunchAnswersWithSmolLM2() {
        const QString smol = smolLM2Dir();
        if (smol.isEmpty()) QSKIP("SmolLM2-135M-Instruct is not installed (bash installer/fetch-models.sh)");
        // Greedy, as issue #12 asks: at the default temperature each answer draws a fresh seed
        // (#13), and SmolLM2 once named "Le Grand Châtelet" the capital in CI.
        FirstRunApp app("en_US.UTF-8", smol, "[generation]\ntemperature=0\n");
        QTRY_VERIFY_WITH_TIMEOUT(!app.loadedModel().isEmpty() || !app.running(), 120000);
        QVERIFY2(app.loadedModel().endsWith("SmolLM2-135M-Instruct.Q4_1.gguf"),
                 qPrintable(app.loadedModel()));
        QTest::qWait(500);
        QVERIFY(ask(QStringLiteral("What is the capital of France?")));
        QTRY_VERIFY_WITH_TIMEOUT(!app.lastAnswer().isEmpty() || !app.running(), 300000);
        QCOMPARE(app.lastQuestion(), QStringLiteral("What is the capital of France?"));
        const QString answer = app.lastAnswer();
        qInfo("What is the capital of France? -> %s", qPrintable(answer));
        QVERIFY2(answer.contains("Paris"), qPrintable(answer));
        QTest::qWait(500);
        saveScreenshot("first-run-en.png");
    }
};

int main(int argc, char* argv[]) {
    XvfbSession xvfb;
    g_xvfb = &xvfb;
    g_haveX = xvfb.start({"xdotool"});
    QGuiApplication app(argc, argv);
    TestFirstRunXvfb test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_first_run_xvfb.moc"
