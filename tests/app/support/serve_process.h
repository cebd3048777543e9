#pragma once
// `sosoik-cli serve` as a child process for tests: a free loopback port (--port 0; the port is read
// from the "listening on" line), its stderr log kept for assertions, stopped with SIGTERM.
#include "support/test_support.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

namespace sosoik::test {

// The small model the server tests use: ../shared's stories260K, else the Korean demo model that
// ships in resources/models (present in every checkout).
inline QString serverTestModel() {
    const QString shared = sharedFile(QStringLiteral("models/stories260K.gguf"));
    if (!shared.isEmpty()) return shared;
    return qEnvironmentVariable("SOSOIK_SOURCE_DIR") +
           QStringLiteral("/resources/models/sosoik-demo-ko.gguf");
}

class ServeProcess {
public:
    ~ServeProcess() { stop(); }

    // Starts the server and waits until it listens; false (with why()) when it did not.
    bool start(const QStringList& extraArgs = {},
               const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
               int timeoutMs = 180000) {
        process_.setProcessEnvironment(env);
        process_.start(cliPath(),
                       QStringList{QStringLiteral("serve"), QStringLiteral("-m"), serverTestModel(),
                                   QStringLiteral("--port"), QStringLiteral("0")} +
                           extraArgs);
        QElapsedTimer timer;
        timer.start();
        static const QRegularExpression listening(QStringLiteral("listening on http://[^:]+:(\\d+)"));
        while (timer.elapsed() < timeoutMs) {
            if (!process_.waitForReadyRead(500) && process_.state() == QProcess::NotRunning) break;
            out_ += QString::fromUtf8(process_.readAllStandardOutput());
            const auto match = listening.match(out_);
            if (match.hasMatch()) {
                port_ = quint16(match.captured(1).toUInt());
                return true;
            }
        }
        why_ = QStringLiteral("sosoik-cli serve did not start: %1").arg(stderrText());
        return false;
    }

    quint16 port() const { return port_; }
    QString why() const { return why_; }

    // Everything the server logged so far (one line per request).
    QString stderrText() {
        err_ += QString::fromUtf8(process_.readAllStandardError());
        return err_;
    }
    // Waits until the log matches `pattern`; returns the match (or an invalid one on timeout).
    QRegularExpressionMatch waitForLog(const QRegularExpression& pattern, int timeoutMs = 30000) {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            const auto match = pattern.match(stderrText());
            if (match.hasMatch() || timer.elapsed() > timeoutMs) return match;
            process_.waitForReadyRead(100);
        }
    }

    // SIGTERM, as a service manager stops it; returns the exit code (-1 if it had to be killed).
    int stop(int timeoutMs = 15000) {
        if (process_.state() == QProcess::NotRunning) return process_.exitCode();
        process_.terminate();
        if (!process_.waitForFinished(timeoutMs)) {
            process_.kill();
            process_.waitForFinished();
            return -1;
        }
        stderrText();
        return process_.exitStatus() == QProcess::NormalExit ? process_.exitCode() : -1;
    }

private:
    QProcess process_;
    QString out_, err_, why_;
    quint16 port_ = 0;
};

} // namespace sosoik::test
