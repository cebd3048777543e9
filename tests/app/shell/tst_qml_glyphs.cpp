// Every symbol the QML draws as an icon (☰ ⚙ ✕ ▸ …) must exist in a font every user has: Noto Sans CJK
// KR (the window's font, a dependency of the .deb) or DejaVu Sans (what fontconfig itself depends on).
// The history's document rows showed 📄 as an empty box on such a desktop: no emoji font is installed
// with Sosoik. Reads the QML sources and asks the fonts; skips where either font is missing.
#include <QDirIterator>
#include <QFile>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QRawFont>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

class TestQmlGlyphs : public QObject {
    Q_OBJECT
    static bool isIconSymbol(char32_t c) {
        const auto category = QChar::category(c);
        return c >= 0x2000 && (category == QChar::Symbol_Other || category == QChar::Symbol_Math ||
                               c >= 0x1F000 || (c >= 0x2190 && c <= 0x27BF));
    }

private slots:
    void everyIconSymbolHasAFont() {
        const QStringList fonts{QStringLiteral("Noto Sans CJK KR"), QStringLiteral("DejaVu Sans")};
        QList<QRawFont> raw;
        for (const QString& family : fonts) {
            if (!QFontDatabase::hasFamily(family)) QSKIP(qPrintable(family + " is not installed"));
            QFont font(family);
            font.setStyleStrategy(QFont::NoFontMerging);
            raw << QRawFont::fromFont(font);
            QCOMPARE(raw.last().familyName(), family);
        }
        const QString appDir = qEnvironmentVariable("SOSOIK_SOURCE_DIR") + QStringLiteral("/app");
        // String literals outside comments: what a user sees (a comment may name any character).
        const QRegularExpression literal(QStringLiteral("\"([^\"\\\\]|\\\\.)*\""));
        int checked = 0;
        QDirIterator it(appDir, {QStringLiteral("*.qml")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            int lineNumber = 0;
            for (const QString& line : QString::fromUtf8(file.readAll()).split(u'\n')) {
                ++lineNumber;
                const QString code =
                    line.trimmed().startsWith(u"//") ? QString() : line.section(QStringLiteral("//"), 0, 0);
                for (auto m = literal.globalMatch(code); m.hasNext();) {
                    for (char32_t c : m.next().captured().toUcs4()) {
                        if (!isIconSymbol(c)) continue;
                        ++checked;
                        const bool drawn = std::any_of(raw.begin(), raw.end(), [c](const QRawFont& f) {
                            return f.supportsCharacter(c);
                        });
                        QVERIFY2(drawn, qPrintable(QStringLiteral("%1:%2: U+%3 is in neither font")
                                                       .arg(it.fileName())
                                                       .arg(lineNumber)
                                                       .arg(uint(c), 4, 16, QLatin1Char('0'))));
                    }
                }
            }
        }
        QVERIFY2(checked >= 8, "the icon symbols (☰ ⚙ ✕ ▸ …) were not found: is SOSOIK_SOURCE_DIR right?");
    }
};

QTEST_MAIN(TestQmlGlyphs)
#include "tst_qml_glyphs.moc"
