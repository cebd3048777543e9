// sosoik-cli's stable surface: --version, --help, error conventions, devices.
#include "support/test_support.h"

#include <QProcess>
#include <QTest>

namespace {
using sosoik::test::runCli;
} // namespace

class TestCliBasics : public QObject {
    Q_OBJECT
private slots:
    void versionPrintsSemver() {
        auto r = runCli({"--version"});
        QCOMPARE(r.code, 0);
        QVERIFY2(QRegularExpression(R"(^sosoik-cli \d+\.\d+\.\d+\n$)").match(r.out).hasMatch(),
                 qPrintable(r.out));
    }
    void helpListsCommands() {
        auto r = runCli({"--help"});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains("usage: sosoik-cli"));
        QVERIFY(r.out.contains("devices"));
    }
    void unknownCommandIsAnError() {
        auto r = runCli({"frobnicate"});
        QVERIFY(r.code != 0);
        QVERIFY(r.err.startsWith("error: "));
        QVERIFY(r.out.isEmpty());
    }
    void devicesListsLavapipeOrGpu() {
        auto r = runCli({"devices"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("subgroup"), qPrintable(r.out + r.err));
        QVERIFY(r.out.contains("VRAM"));
        QVERIFY(r.out.contains("*")); // the default device is marked
        QVERIFY2(!r.err.contains("validation"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliBasics)
#include "tst_cli_basics.moc"
