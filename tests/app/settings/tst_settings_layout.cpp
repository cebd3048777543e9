// Settings → Defaults for conversations lines its fields up: the seed's row was a row of its own beside
// the form's grid, so its label and field sat out of line with Temperature, Top-k and the others (seen
// on a screenshot of the real dialog). The real main window (AppContext, scripted engine), in English
// and in Korean (other label widths); and the dialog in a small window.
#include "settings/app_settings.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "support/scripted_context.h"
#include "theme/theme.h"
#include "theme/theme_colors.h"

#include <QDir>
#include <QFile>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;

class TestSettingsLayout : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { app::configureApplication(); }

    void theSeedLinesUpWithTheOtherFields_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ko") << QStringLiteral("ko");
    }
    void theSeedLinesUpWithTheOtherFields() {
        QFETCH(QString, language);
        const QString profile = m_dir.filePath(language);
        QVERIFY(QDir().mkpath(profile));
        {
            QFile ini(profile + QStringLiteral("/settings.ini"));
            QVERIFY(ini.open(QIODevice::WriteOnly));
            ini.write("[ui]\nlanguage=" + language.toUtf8() + "\n[generation]\nseed=42\n");
        }
        auto context = app::test::makeScriptedContext(profile);
        QQuickWindow* window = context->loadMainWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QObject* settings = window->findChild<QObject*>(QStringLiteral("settingsDialog"));
        QVERIFY(settings);
        QMetaObject::invokeMethod(settings, "open");
        QTRY_VERIFY(settings->property("opened").toBool());

        auto* seed = window->findChild<QQuickItem*>(QStringLiteral("seedField"));
        auto* maxTokens = window->findChild<QQuickItem*>(QStringLiteral("maxNewTokensField"));
        QVERIFY(seed && maxTokens);
        QTRY_VERIFY(seed->width() > 0 && maxTokens->width() > 0);
        QCOMPARE(seed->property("value").toInt(), 42); // still the setting's field
        const QPointF seedAt = seed->mapToScene(QPointF(0, 0));
        const QPointF tokensAt = maxTokens->mapToScene(QPointF(0, 0));
        QCOMPARE(seedAt.x(), tokensAt.x());
        QVERIFY(seedAt.y() > tokensAt.y());

        // Its label starts where the others do, and a change still reaches the setting.
        QQuickItem* seedLabel = nullptr;
        QQuickItem* tokensLabel = nullptr;
        const QString seedText =
            language == QLatin1String("ko") ? QStringLiteral("시드") : QStringLiteral("Seed");
        for (QQuickItem* item : window->findChildren<QQuickItem*>()) {
            if (!item->inherits("QQuickLabel") || !item->isVisible()) continue;
            const QString text = item->property("text").toString();
            if (text == seedText) seedLabel = item;
            if (qAbs(item->mapToScene(QPointF(0, 0)).y() - tokensAt.y()) < maxTokens->height() &&
                item->mapToScene(QPointF(0, 0)).x() < tokensAt.x())
                tokensLabel = item;
        }
        QVERIFY(seedLabel && tokensLabel);
        QCOMPARE(seedLabel->mapToScene(QPointF(0, 0)).x(), tokensLabel->mapToScene(QPointF(0, 0)).x());
        QVERIFY(QMetaObject::invokeMethod(seed, "increase"));
        QVERIFY(QMetaObject::invokeMethod(seed, "valueModified"));
        QTRY_COMPARE(context->settings()->seed(), 43);
    }

    // Found under Xvfb at 800x600: Settings (about 590 pixels high) stood over the tool bar, cutting through
    // its buttons. In a window shorter than the dialog it now scrolls within the space under the tool bar.
    void theDialogFitsUnderTheToolBarOfASmallWindow() {
        const QString profile = m_dir.filePath(QStringLiteral("small"));
        QVERIFY(QDir().mkpath(profile));
        auto context = app::test::makeScriptedContext(profile);
        QQuickWindow* window = context->loadMainWindow();
        QVERIFY(window);
        window->resize(800, 600);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QObject* settings = window->findChild<QObject*>(QStringLiteral("settingsDialog"));
        QVERIFY(settings);
        QMetaObject::invokeMethod(settings, "open");
        QTRY_VERIFY(settings->property("opened").toBool());
        auto* header = window->property("header").value<QQuickItem*>();
        auto* parent = settings->property("parent").value<QQuickItem*>();
        QVERIFY(header && parent);
        QTRY_COMPARE(window->height(), 600);
        const QPointF top =
            parent->mapToScene(QPointF(settings->property("x").toReal(), settings->property("y").toReal()));
        const qreal bottom = top.y() + settings->property("height").toReal();
        const qreal toolBarBottom = header->mapToScene(QPointF(0, header->height())).y();
        QVERIFY2(top.y() >= toolBarBottom && bottom <= window->height(),
                 qPrintable(QStringLiteral("dialog %1..%2, tool bar ends at %3, window %4")
                                .arg(top.y())
                                .arg(bottom)
                                .arg(toolBarBottom)
                                .arg(window->height())));
    }

    // Found under Xvfb: choosing Dark in Settings turned the open dialog's background dark while its labels
    // kept the light scheme's dark text (and Light after Dark left light text on light): unreadable until
    // the dialog was closed and opened again. The labels follow the scheme while the dialog is open.
    void labelsFollowAColourSwitchWhileOpen() {
        const QString profile = m_dir.filePath(QStringLiteral("colours"));
        QVERIFY(QDir().mkpath(profile));
        auto context = app::test::makeScriptedContext(profile);
        QQuickWindow* window = context->loadMainWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        context->theme()->setMode(QStringLiteral("light"));
        QObject* settings = window->findChild<QObject*>(QStringLiteral("settingsDialog"));
        QVERIFY(settings);
        QMetaObject::invokeMethod(settings, "open");
        QTRY_VERIFY(settings->property("opened").toBool());
        QQuickItem* language = nullptr;
        for (QQuickItem* item : window->findChildren<QQuickItem*>())
            if (item->inherits("QQuickLabel") &&
                item->property("text").toString() == QLatin1String("Language"))
                language = item;
        QVERIFY(language);
        QCOMPARE(language->property("color").value<QColor>(), app::lightColors().windowText);
        context->theme()->setMode(QStringLiteral("dark"));
        QTRY_COMPARE(language->property("color").value<QColor>(), app::darkColors().windowText);
        // Its title and controls too (the boxes stayed light), not only the text.
        auto* title = settings->property("header").value<QQuickItem*>();
        QVERIFY(title);
        QCOMPARE(title->property("color").value<QColor>(), app::darkColors().windowText);
        auto* choice = window->findChild<QObject*>(QStringLiteral("languageChoice"));
        QVERIFY(choice);
        QCOMPARE(choice->property("palette").value<QObject*>()->property("button").value<QColor>(),
                 app::paletteFor(app::darkColors()).color(QPalette::Active, QPalette::Button));
        context->theme()->setMode(QStringLiteral("light"));
        QTRY_COMPARE(language->property("color").value<QColor>(), app::lightColors().windowText);
    }
};

QTEST_MAIN(TestSettingsLayout)
#include "tst_settings_layout.moc"
