// Switching the UI language in Settings retranslates every window and menu at once, as main() wires the
// app (AppContext with the tray, scripted engine). Issue #13: after choosing 한국어 the Language box still
// said "System default" until a restart, the tray menu stayed English, the "Close" buttons and the
// hotkey hint were never translated, and the conversation settings pointed to defaults that Settings
// did not show under that name.
#include "hotkey/global_hotkey.h"
#include "hotkey/hotkey_settings.h"
#include "models/model_manager.h"
#include "settings/app_settings.h"
#include "settings/language_switcher.h"
#include "shell/app_context.h"
#include "shell/application.h"
#include "support/scripted_backend.h"
#include "tray/tray_controller.h"
#include "tray/tray_integration.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;

namespace {

QQuickItem* findItem(QQuickItem* root, const QString& name) {
    if (!root) return nullptr;
    if (root->objectName() == name) return root;
    for (QQuickItem* child : root->childItems())
        if (QQuickItem* found = findItem(child, name)) return found;
    return nullptr;
}

// Every item named `name` in the window, popups' contents included.
QList<QObject*> allNamed(QQuickWindow* window, const QString& name) {
    return window->findChildren<QObject*>(name);
}

bool hasHangul(const QString& s) {
    for (QChar c : s)
        if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3) return true;
    return false;
}

} // namespace

class TestRetranslation : public QObject {
    Q_OBJECT
    QTemporaryDir dir;

private slots:
    void initTestCase() { app::configureApplication(); }

    void switchingToKoreanRetranslatesEverything() {
        app::AppContextOptions options;
        options.dataDir = app::DataDir{dir.filePath("profile"), true, {}};
        options.backend = std::make_unique<app::test::ScriptedBackend>();
        options.inspector = [](const QString& path) {
            app::ModelDetails d;
            d.path = path;
            return d;
        };
        options.devices = [] {
            return QVariantList{QVariantMap{{"index", 0}, {"name", "llvmpipe"}, {"type", "cpu"}}};
        };
        options.hotkey = std::make_unique<app::UnavailableGlobalHotkey>(QStringLiteral("test platform"));
        app::AppContext context(std::move(options));
        context.settings()->setLanguage(QStringLiteral("en"));
        QCOMPARE(context.language()->current(), QStringLiteral("en"));
        QQuickWindow* window = context.loadMainWindow();
        QVERIFY(window);
        app::TrayController* tray = context.tray()->tray();
        QCOMPARE(tray->quickQueryAction()->text(), QStringLiteral("Quick query"));
        const QString englishHint = context.tray()->hotkeySettings()->status();
        QVERIFY(englishHint.startsWith(QStringLiteral("Global shortcut unavailable")));
        context.models()->refreshDevices();
        QTRY_COMPARE(context.models()->deviceChoices().size(), 3);

        context.settings()->setLanguage(QStringLiteral("ko"));
        QCOMPARE(context.language()->current(), QStringLiteral("ko"));

        // The tray menu, at once.
        for (QAction* action :
             {tray->quickQueryAction(), tray->openAction(), tray->summarizeClipboardAction(),
              tray->modelStatusAction(), tray->unloadAction(), tray->quitAction()})
            QVERIFY2(hasHangul(action->text()), qPrintable(action->text()));
        QCOMPARE(tray->quickQueryAction()->text(), QStringLiteral("빠른 질문"));
        // The hotkey hint in Settings.
        const QString hint = context.tray()->hotkeySettings()->status();
        QVERIFY2(hasHangul(hint) && hint != englishHint, qPrintable(hint));
        // The device list.
        for (const QVariant& choice : context.models()->deviceChoices())
            QVERIFY2(hasHangul(choice.toMap().value("label").toString()),
                     qPrintable(choice.toMap().value("label").toString()));

        // The Language box shows the choice, not "System default" (시스템 기본값).
        QObject* languageBox = window->findChild<QObject*>(QStringLiteral("languageChoice"));
        QVERIFY(languageBox);
        QTRY_COMPARE(languageBox->property("currentText").toString(), QStringLiteral("한국어"));

        // Every dialog's Close button.
        const QList<QObject*> closeButtons = allNamed(window, QStringLiteral("closeButton"));
        QVERIFY(closeButtons.size() >= 3); // model picker, settings, conversation settings
        for (QObject* button : closeButtons)
            QCOMPARE(button->property("text").toString(), QStringLiteral("닫기"));

        // The main window's own texts (a qsTr binding) follow too.
        QQuickItem* openDocument =
            findItem(window->contentItem()->parentItem(), QStringLiteral("openDocumentButton"));
        if (!openDocument)
            openDocument = qobject_cast<QQuickItem*>(window->findChild<QObject*>("openDocumentButton"));
        QVERIFY(openDocument);
        QVERIFY2(hasHangul(openDocument->property("text").toString()),
                 qPrintable(openDocument->property("text").toString()));

        // And back.
        context.settings()->setLanguage(QStringLiteral("en"));
        QCOMPARE(tray->quickQueryAction()->text(), QStringLiteral("Quick query"));
        QCOMPARE(context.tray()->hotkeySettings()->status(), englishHint);
        QTRY_COMPARE(languageBox->property("currentText").toString(), QStringLiteral("English"));
        for (QObject* button : closeButtons)
            QCOMPARE(button->property("text").toString(), QStringLiteral("Close"));
    }
};

QTEST_MAIN(TestRetranslation)
#include "tst_retranslation.moc"
