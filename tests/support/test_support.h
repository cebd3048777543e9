#pragma once
// Helpers shared by every test: locating ../shared (absent on users' machines) and temp dirs.
#include <QString>
#include <QTest>

namespace sosoik::test {

// Absolute path of a file under ../shared, or an empty string when it is not there.
QString sharedFile(const QString& relative);
// Path of the sosoik-cli binary under test.
QString cliPath();

struct CliResult {
    int code = -1; // -1 when it timed out (the process is killed)
    QString out, err;
};
// Runs sosoik-cli with args, feeding stdinData, and waits up to timeoutMs.
CliResult runCli(const QStringList& args, const QByteArray& stdinData = {}, int timeoutMs = 300000);

} // namespace sosoik::test

// Skips the current test function (with a reason) when ../shared/<relative> is absent.
#define SOSOIK_REQUIRE_SHARED(var, relative)                                                                 \
    const QString var = sosoik::test::sharedFile(relative);                                                  \
    if (var.isEmpty()) QSKIP(qPrintable(QStringLiteral("../shared/%1 not present; skipping").arg(relative)))
