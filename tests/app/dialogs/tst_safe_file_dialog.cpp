// SafeFileDialog (app/dialogs/), the app's only way to show a file dialog. Issue #13: on a desktop
// without a platform file dialog and without Qt.labs.folderlistmodel (which Qt's own Qt Quick file
// dialog imports), every "Open file…" crashed the app. Here that desktop is made by an import path that
// holds every installed QML module but that one (links into Qt's own folder): open() must explain and
// offer a path field; with the module present it must open Qt's real dialog.
#include "shell/qml_services.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const char* kWindow = R"(
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import "../dialogs"
ApplicationWindow {
    width: 800; height: 600; visible: true
    property var picked: []
    property int rejections: 0
    SafeFileDialog {
        objectName: "dialog"
        title: "Pick a file"
        fileMode: FileDialog.OpenFile
        onAccepted: picked = selectedFiles
        onRejected: rejections++
    }
}
)";

struct Window {
    QQmlApplicationEngine engine;
    QQuickWindow* window = nullptr;
    QObject* dialog = nullptr;

    // qmlRoot: a folder replacing Qt's own QML modules folder on the import path (empty: Qt's).
    explicit Window(const QString& qmlRoot = {}) {
        if (!qmlRoot.isEmpty()) {
            QStringList paths = engine.importPathList();
            paths.removeAll(QLibraryInfo::path(QLibraryInfo::QmlImportsPath));
            engine.setImportPathList(QStringList{qmlRoot} + paths);
        }
        sosoik::app::prepareQmlEngine(&engine); // SafeFileDialog uses the module (DialogFolders)
        engine.loadData(kWindow, QUrl(QStringLiteral("qrc:/qt/qml/Sosoik/test/Window.qml")));
        if (engine.rootObjects().isEmpty()) return;
        window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        dialog = window ? window->findChild<QObject*>(QStringLiteral("dialog")) : nullptr;
    }
    bool open() { return QMetaObject::invokeMethod(dialog, "open"); }
    // Qt's non-native dialog, once created (it lives in this window's overlay).
    QObject* qtDialog() const {
        for (QObject* o : window->findChildren<QObject*>())
            if (o->inherits("QQuickFileDialogImpl")) return o;
        return nullptr;
    }
    QObject* child(const char* name) const { return window->findChild<QObject*>(QLatin1String(name)); }
};

} // namespace

class TestSafeFileDialog : public QObject {
    Q_OBJECT

private slots:
    // First: the engine that never saw the real module (plugins, once loaded, stay loaded).
    void aMissingDialogModuleExplainsInsteadOfCrashing() {
        // Every module Qt has here, linked, except Qt.labs.folderlistmodel.
        QTemporaryDir shadow;
        const QString qt = QLibraryInfo::path(QLibraryInfo::QmlImportsPath);
        const auto linkAll = [](const QString& from, const QString& to, const QString& except) {
            for (const QString& entry : QDir(from).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                if (entry != except && !QFile::link(from + '/' + entry, to + '/' + entry)) return false;
            return true;
        };
        QVERIFY(QDir(shadow.path()).mkpath(QStringLiteral("Qt/labs")));
        QVERIFY(linkAll(qt, shadow.path(), QStringLiteral("Qt")));
        QVERIFY(linkAll(qt + QStringLiteral("/Qt"), shadow.filePath(QStringLiteral("Qt")),
                        QStringLiteral("labs")));
        QVERIFY(linkAll(qt + QStringLiteral("/Qt/labs"), shadow.filePath(QStringLiteral("Qt/labs")),
                        QStringLiteral("folderlistmodel")));

        Window w(shadow.path());
        QVERIFY(w.window && w.dialog);
        QVERIFY(QTest::qWaitForWindowExposed(w.window));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("file dialog cannot load")));
        QVERIFY(w.open());
        const QString error = w.dialog->property("errorText").toString();
        QVERIFY2(error.contains(QStringLiteral("folderlistmodel")), qPrintable(error));
        QVERIFY(w.dialog->property("shown").toBool());
        QObject* fallback = w.child("fileDialogFallback");
        QVERIFY(fallback);
        QVERIFY(fallback->property("visible").toBool());
        QObject* message = w.child("fileDialogError");
        QVERIFY(message);
        QVERIFY(message->property("text").toString().contains(
            QStringLiteral("qml6-module-qt-labs-folderlistmodel")));

        // The user can still name a file, Korean and spaces included.
        const QString path = shadow.filePath(QStringLiteral("모델 파일.gguf"));
        QObject* field = w.child("fileDialogPath");
        QVERIFY(field);
        QVERIFY(field->property("activeFocus").toBool());
        field->setProperty("text", path);
        QVERIFY(QMetaObject::invokeMethod(fallback, "accept"));
        const QVariantList picked = w.window->property("picked").toList();
        QCOMPARE(picked.size(), 1);
        QCOMPARE(picked.first().toUrl().toLocalFile(), path);
        QCOMPARE(w.dialog->property("selectedFile").toUrl().toLocalFile(), path);

        // Cancel is a rejection, not an empty file.
        QVERIFY(w.open());
        QVERIFY(QMetaObject::invokeMethod(fallback, "reject"));
        QCOMPARE(w.window->property("rejections").toInt(), 1);
        QVERIFY(!w.qtDialog()); // Qt's dialog was never created (Qt 6.4 crashed in it)
    }

    void withTheModuleQtsOwnDialogOpens() {
        Window w;
        QVERIFY(w.window && w.dialog);
        QVERIFY(QTest::qWaitForWindowExposed(w.window));
        QVERIFY(w.open());
        QCOMPARE(w.dialog->property("errorText").toString(), QString());
        QTRY_VERIFY(w.dialog->property("shown").toBool());
        QVERIFY(!w.child("fileDialogFallback")->property("visible").toBool());
        // Qt's non-native dialog (no platform theme offscreen).
        QObject* impl = w.qtDialog();
        QVERIFY2(impl, "Qt's Qt Quick file dialog was not created");
        QTRY_VERIFY(impl->property("visible").toBool());
        QCOMPARE(impl->property("title").toString(), QStringLiteral("Pick a file"));
    }
};

QTEST_MAIN(TestSafeFileDialog)
#include "tst_safe_file_dialog.moc"
