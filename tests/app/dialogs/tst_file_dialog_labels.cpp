// The file dialogs of the Korean UI say 열기 / 선택 / 취소, not "Open" / "Cancel": Qt labels its own dialog's
// buttons from Qt's catalogue, which Sosoik does not ship, so SafeFileDialog sets the labels itself.
// Found clicking through the app as a user (Settings → Models → Change…, Open document…). The real main
// window (AppContext, scripted engine) with 한국어 chosen in the profile; the dialogs are Qt's own.
#include "settings/app_settings.h"
#include "shell/application.h"
#include "support/scripted_context.h"

#include <QDir>
#include <QFile>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <functional>

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

    // Every text of Qt's open file dialog, its file rows' names, sizes and dates included (the rows are
    // the list's child items, not QObject children).
    static QString dialogTexts(QQuickWindow* window) {
        QSet<QString> texts;
        const std::function<void(QQuickItem*)> collect = [&](QQuickItem* item) {
            if (item->inherits("QQuickText")) texts.insert(item->property("text").toString());
            for (QQuickItem* child : item->childItems())
                collect(child);
        };
        for (QObject* o : window->findChildren<QObject*>())
            if (o->inherits("QQuickFileDialogImpl") && o->property("visible").toBool())
                for (QQuickItem* item : o->findChildren<QQuickItem*>())
                    collect(item);
        return QStringList(texts.begin(), texts.end()).join(u'|');
    }

    // The entries of the filter box of Qt's open file dialog.
    static QStringList filterTexts(QQuickWindow* window) {
        for (QObject* o : window->findChildren<QObject*>()) {
            if (!o->inherits("QQuickFileDialogImpl") || !o->property("visible").toBool()) continue;
            for (QObject* box : o->findChildren<QObject*>()) {
                if (!box->inherits("QQuickComboBox")) continue;
                QStringList texts;
                const int count = box->property("count").toInt();
                for (int i = 0; i < count; ++i) {
                    QString text;
                    QMetaObject::invokeMethod(box, "textAt", Q_RETURN_ARG(QString, text), Q_ARG(int, i));
                    texts << text;
                }
                return texts;
            }
        }
        return {};
    }

private slots:
    void initTestCase() { app::configureApplication(); }

    // Open document…'s file types follow a switch of the UI language while the app runs: they came from a
    // C++ property read once, so after choosing 한국어 the filter still said "Documents (*.txt …)".
    // And the rows' dates: Qt's dialog formats them once, so one opened before the switch kept English
    // dates ("12/6/26 1:34 PM", seen under Xvfb); SafeFileDialog makes a new one for the new locale.
    void documentFilterFollowsALanguageSwitch() {
        auto context = app::test::makeScriptedContext(m_dir.filePath(QStringLiteral("switch")));
        context->settings()->setLanguage(QStringLiteral("en"));
        QQuickWindow* window = context->loadMainWindow();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QObject* documents = window->findChild<QObject*>(QStringLiteral("documentFileDialog"));
        QVERIFY(documents);
        QTemporaryDir folder; // one file, so the dialog has a row with a date
        QFile file(folder.filePath(QStringLiteral("report.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        documents->setProperty("currentFolder", QUrl::fromLocalFile(folder.path()));
        QVERIFY(QMetaObject::invokeMethod(documents, "open"));
        QStringList filters;
        QTRY_VERIFY((filters = filterTexts(window)).size() == 2);
        QTRY_VERIFY2(dialogTexts(window).contains(QStringLiteral("report.txt")),
                     qPrintable(dialogTexts(window)));
        const QString englishRow = dialogTexts(window);
        QVERIFY2(englishRow.contains(QStringLiteral(" AM")) || englishRow.contains(QStringLiteral(" PM")),
                 qPrintable(englishRow));
        QVERIFY2(filters.first().startsWith(QStringLiteral("Documents (*.txt")),
                 qPrintable(filters.join(u'|')));
        QCOMPARE(filters.last(), QStringLiteral("All files (*)"));
        QMetaObject::invokeMethod(documents, "close");
        QTRY_VERIFY(filterTexts(window).isEmpty());

        context->settings()->setLanguage(QStringLiteral("ko"));
        const QStringList property = documents->property("nameFilters").toStringList();
        QVERIFY2(property.size() == 2 && property.first().startsWith(QStringLiteral("문서 (*.txt")),
                 qPrintable(property.join(u'|')));
        QVERIFY(QMetaObject::invokeMethod(documents, "open"));
        QTRY_VERIFY((filters = filterTexts(window)).size() == 2);
        QVERIFY2(filters.first().startsWith(QStringLiteral("문서 (*.txt")), qPrintable(filters.join(u'|')));
        QCOMPARE(filters.last(), QStringLiteral("모든 파일 (*)"));
        QTRY_VERIFY2(dialogTexts(window).contains(QStringLiteral("report.txt")),
                     qPrintable(dialogTexts(window)));
        const QString koreanRow = dialogTexts(window);
        QVERIFY2(koreanRow.contains(QStringLiteral("오전")) || koreanRow.contains(QStringLiteral("오후")),
                 qPrintable(koreanRow));
        // The patterns are the ones the app reads (documents::supportedSuffixes), in both languages.
        QVERIFY2(filters.first().contains(QStringLiteral("*.hwpx")), qPrintable(filters.first()));
        QMetaObject::invokeMethod(documents, "close");
    }

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
