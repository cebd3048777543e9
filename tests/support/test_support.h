#pragma once
// Helpers shared by every test: locating ../shared (absent on users' machines) and temp dirs.
#include <QString>
#include <QTest>

namespace sosoik::test {

// Absolute path of a file under ../shared, or an empty string when it is not there.
QString sharedFile(const QString& relative);
// Path of the sosoik-cli binary under test.
QString cliPath();

} // namespace sosoik::test

// Skips the current test function (with a reason) when ../shared/<relative> is absent.
#define SOSOIK_REQUIRE_SHARED(var, relative)                                                                 \
    const QString var = sosoik::test::sharedFile(relative);                                                  \
    if (var.isEmpty()) QSKIP(qPrintable(QStringLiteral("../shared/%1 not present; skipping").arg(relative)))
