#pragma once
// Starts a private Xvfb display (and optionally a tray host) for tests that need a real X server, before the
// QApplication exists. Tests skip cleanly when the tools are missing. Header-only: tests link nothing extra.
#include <QByteArray>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QThread>
#include <csignal>

namespace sosoik::test {

class XvfbSession {
public:
    ~XvfbSession() { stop(); }

    // Starts Xvfb on a free display and points DISPLAY + QT_QPA_PLATFORM=xcb at it. Returns false (with
    // skipReason()) when Xvfb or a required tool is absent, leaving the environment untouched.
    bool start(const QStringList& requiredTools = {}) {
        for (const QString& tool : QStringList{"Xvfb"} + requiredTools)
            if (QStandardPaths::findExecutable(tool).isEmpty()) {
                m_skipReason = QStringLiteral("%1 is not installed; skipping X11 tests").arg(tool);
                return false;
            }
        m_xvfb.setProgram("Xvfb");
        // -displayfd picks a free display and prints its number: no clash with other test runs.
        m_xvfb.setArguments({"-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"});
        m_xvfb.start();
        if (!m_xvfb.waitForStarted(5000) || !m_xvfb.waitForReadyRead(10000)) {
            m_skipReason = QStringLiteral("Xvfb did not start: %1").arg(m_xvfb.errorString());
            return false;
        }
        m_display = ":" + QString::fromLatin1(m_xvfb.readLine().trimmed());
        qputenv("DISPLAY", m_display.toLatin1());
        qputenv("QT_QPA_PLATFORM", "xcb");
        // A real X server, even when the tests run inside a Wayland desktop session (which would
        // otherwise be taken for XWayland, where the app does not grab keys).
        qunsetenv("WAYLAND_DISPLAY");
        qunsetenv("XDG_SESSION_TYPE");
        return true;
    }

    // A system tray host (trayer) on the display, so QSystemTrayIcon has somewhere to live.
    bool startTrayHost() {
        if (QStandardPaths::findExecutable("trayer").isEmpty()) return false;
        m_tray.setProgram("trayer");
        m_tray.setArguments({"--edge", "top", "--align", "right", "--widthtype", "request", "--height", "32",
                             "--SetDockType", "true", "--transparent", "false", "--tint", "0x3a3a3a"});
        m_tray.start();
        return m_tray.waitForStarted(5000);
    }

    // Runs an X tool (xdotool, xwininfo, import) on this display; returns its stdout, or a null array on
    // failure.
    static QByteArray run(const QString& program, const QStringList& arguments, int timeoutMs = 10000) {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0)
            return {};
        QByteArray out = process.readAllStandardOutput();
        return out.isNull() ? QByteArray("") : out;
    }

    QString display() const { return m_display; }
    QString skipReason() const { return m_skipReason; }

    void stop() {
        for (QProcess* process : {&m_tray, &m_xvfb})
            if (process->state() != QProcess::NotRunning) {
                process->terminate();
                if (!process->waitForFinished(3000)) process->kill();
                process->waitForFinished(1000);
            }
    }

private:
    QProcess m_xvfb;
    QProcess m_tray;
    QString m_display;
    QString m_skipReason;
};

} // namespace sosoik::test
