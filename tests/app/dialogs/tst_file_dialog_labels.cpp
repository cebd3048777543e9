// The file dialogs of the Korean UI say 열기 / 선택 / 취소, not "Open" / "Cancel": Qt labels its own dialog's
// buttons from Qt's catalogue, which Sosoik does not ship, so SafeFileDialog sets the labels itself.
// Found clicking through the app as a user (Settings → Models → Change…, Open document…). The real main
// window (AppContext, scripted engine) with 한국어 chosen in the profile; the dialogs are Qt's own.
#include "shell/application.h"
#include "support/scripted_context.h"

#include <QDir>
#include <QFile>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik;

class TestFileDialogLabels : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    // The texts of the buttons of Qt's dialog (a QQuickFileDialogImpl or QQuickFolderDialogImpl, in the
    // window's overlay) once it is open.
    // The texts of the labels of Qt's open dialog (its title, "File name", "Filter").
    static QStringList labelTexts(QQuickWindow* window, const char* impl) {
        QStringList texts;
        for (QObject* o : window->findChildren<QObject*>())
            if (o->inherits(impl) && o->property("visible").toBool())
                for (QObject* label : o->findChildren<QObject*>())
                    if (label->inherits("QQuickLabel")) texts << label->property("text").toString();
        return texts;
    }

    static QStringList buttonTexts(QQuickWindow* window, const char* impl) {
        QObject* dialog = nullptr;
        for (QObject* o : window->findChildren<QObject*>())
            if (o->inherits(impl) && o->property("visible").toBool()) dialog = o;
        if (!dialog) return {};
        QStringList texts;
        for (QObject* box : dialog->findChildren<QObject*>())
            if (box->inherits("QQuickDialogButtonBox"))
                for (QObject* o : box->findChildren<QObject*>())
                    if (o->inherits("QQuickAbstractButton")) texts << o->property("text").toString();
        return texts;
    }

private slots:
    void initTestCase() { app::configureApplication(); }

    void koreanDialogsHaveKoreanButtons() {
        const QString profile = m_dir.filePath(QStringLiteral("profile"));
        QVERIFY(QDir().mkpath(profile));
        {
            QFile ini(profile + QStringLiteral("/settings.ini"));
            QVERIFY(ini.open(QIODevice::WriteOnly));
            ini.write("[ui]\nlanguage=ko\n");
        }
        auto context = app::test::makeScriptedContext(profile);
        QQuickWindow* window = context->loadMainWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));

        // Open document… (a file dialog)
        QObject* documents = window->findChild<QObject*>(QStringLiteral("documentFileDialog"));
        QVERIFY(documents);
        QVERIFY(QMetaObject::invokeMethod(documents, "open"));
        QStringList texts;
        QTRY_VERIFY((texts = buttonTexts(window, "QQuickFileDialogImpl")).size() >= 2);
        QVERIFY2(texts.contains(QStringLiteral("열기")) && texts.contains(QStringLiteral("취소")),
                 qPrintable(texts.join(u'|')));
        QVERIFY2(!texts.contains(QStringLiteral("Open")) && !texts.contains(QStringLiteral("Cancel")),
                 qPrintable(texts.join(u'|')));
        // Qt's own labels, translated with qsTr() in Qt's context "FileDialog" (SafeFileDialog says why
        // Sosoik's catalogue carries them): "Filter" stayed English.
        const QStringList labels = labelTexts(window, "QQuickFileDialogImpl");
        QVERIFY2(labels.contains(QStringLiteral("파일 형식")), qPrintable(labels.join(u'|')));
        QVERIFY2(labels.contains(QStringLiteral("파일 이름")),
                 qPrintable(labels.join(u'|'))); // hidden unless saving
        QVERIFY2(!labels.contains(QStringLiteral("Filter")) && !labels.contains(QStringLiteral("File name")),
                 qPrintable(labels.join(u'|')));
        QMetaObject::invokeMethod(documents, "close");

        // Settings → Models → Change… (a folder dialog)
        QObject* folders = window->findChild<QObject*>(QStringLiteral("modelsFolderDialog"));
        if (!folders) { // the Settings pane loads its Models section when the dialog is built
            QObject* settings = window->findChild<QObject*>(QStringLiteral("settingsDialog"));
            QVERIFY(settings);
            QMetaObject::invokeMethod(settings, "open");
            QTRY_VERIFY((folders = window->findChild<QObject*>(QStringLiteral("modelsFolderDialog"))));
        }
        QVERIFY(QMetaObject::invokeMethod(folders, "open"));
        QTRY_VERIFY((texts = buttonTexts(window, "QQuickFolderDialogImpl")).size() >= 2);
        QVERIFY2(texts.contains(QStringLiteral("선택")) && texts.contains(QStringLiteral("취소")),
                 qPrintable(texts.join(u'|')));
    }
};

QTEST_MAIN(TestFileDialogLabels)
#include "tst_file_dialog_labels.moc"
