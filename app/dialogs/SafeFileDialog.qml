import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Sosoik

// Every file dialog of the app. On a desktop without a platform file dialog, QtQuick.Dialogs falls back
// to its own Qt Quick implementation, which imports Qt.labs.folderlistmodel; without that module Qt 6.4
// printed "Failed to load non-native FileDialog implementation" and the app crashed (issue #13). So the
// real FileDialog is only created (in a Loader) once its implementation has been seen to load; when it
// cannot load, the user reads why and which package fixes it, and can still type a path.
//
// Used like FileDialog: title, fileMode, nameFilters, currentFolder, selectedFile (set it before
// open() to suggest a name), selectedFiles, accepted(), rejected(), open(). With selectFolder: true it
// is a FolderDialog (whose non-native implementation needs the same modules); the chosen folder is
// selectedFile.
Item {
    id: root
    objectName: "safeFileDialog"

    property string title
    property int fileMode: FileDialog.OpenFile
    property var nameFilters: []
    property url currentFolder
    property url selectedFile
    property var selectedFiles: []
    property bool selectFolder: false
    // What the files are for ("models", "documents"): the dialog opens where one was last chosen (kept in
    // the settings, dialogs/dialog_folders.h) unless currentFolder says where. Empty: not remembered.
    property string purpose
    // Why the dialog could not be shown (empty while it can).
    readonly property string errorText: fallback.reason
    // True while the dialog (or what shows instead of it) is open.
    readonly property bool shown: (loadedDialog !== null && loadedDialog.visible) || fallback.visible
    // The FileDialog or FolderDialog the Loader made (null before the first open()). `var`: the two
    // have no common QML type (QQuickAbstractDialog is not exported) to declare it with.
    readonly property var loadedDialog: dialogLoader.item
    // The locale (QLocale's default, which follows the UI language: settings/language_switcher.h) the loaded
    // dialog was made with. Qt's dialog formats its files' dates and sizes once, when it makes their rows:
    // after a switch to 한국어 while the app ran, a dialog opened before kept listing "12/6/26 1:34 PM".
    property string madeForLocale

    signal accepted()
    signal rejected()

    // Qt's Qt Quick file dialog (6.4) labels its name field and its filter box with qsTr() in its own
    // context, "FileDialog", from Qt's catalogue, which Sosoik does not ship: "Filter" stayed English in
    // the Korean UI. Sosoik's translator answers for any context, so its catalogue carries these two;
    // listed here so lupdate keeps them (tst_file_dialog_labels).
    readonly property var qtDialogLabels: [QT_TRANSLATE_NOOP("FileDialog", "File name"),
                                           QT_TRANSLATE_NOOP("FileDialog", "Filter")]

    // What Qt's non-native FileDialog (quickimpl/qml/FileDialog.qml in Qt 6.4) imports beyond what the app
    // itself loads. Compiling a small object with the same imports fails exactly when the dialog would;
    // a native dialog would not need them, but from QML the app cannot tell whether the platform offers one.
    readonly property string probeSource: "import QtQuick\nimport Qt.labs.folderlistmodel\n"
                                          + "import QtQuick.Dialogs.quickimpl\nQtObject {}\n"

    function implementationError() {
        try {
            Qt.createQmlObject(probeSource, root, "SafeFileDialogProbe").destroy()
            return ""
        } catch (e) {
            const errors = e.qmlErrors ? e.qmlErrors.map(error => error.message) : [String(e)]
            return errors.join("; ") || qsTr("unknown error")
        }
    }

    function open() {
        const error = dialogLoader.active ? "" : implementationError()
        if (error !== "") {
            console.warn("SafeFileDialog: the file dialog cannot load:", error)
            fallback.show(error)
            return
        }
        if (dialogLoader.active && root.madeForLocale !== Qt.locale().name) dialogLoader.active = false
        dialogLoader.active = true
        root.madeForLocale = Qt.locale().name
        const dialog = dialogLoader.item
        if (!dialog) {
            fallback.show(qsTr("the file dialog could not be created"))
            return
        }
        // Never the process's working directory (what Qt lists for a folder that does not exist yet):
        // the nearest existing parent, else home (dialogs/dialog_folders.h).
        const wanted = root.currentFolder.toString() === "" && root.purpose !== ""
                       ? DialogFolders.lastFolder(root.purpose) : root.currentFolder
        dialog.currentFolder = DialogFolders.startFolder(wanted)
        if (!root.selectFolder && root.selectedFile.toString() !== "") dialog.selectedFile = root.selectedFile
        dialog.open()
    }

    function close() {
        if (loadedDialog) loadedDialog.close()
        fallback.close()
    }

    function finish(files) {
        root.selectedFiles = files
        root.selectedFile = files.length > 0 ? files[0] : ""
        if (root.purpose !== "" && files.length > 0) DialogFolders.remember(root.purpose, files[0], root.selectFolder)
        root.accepted()
    }

    Loader {
        id: dialogLoader
        active: false
        sourceComponent: root.selectFolder ? folderDialog : fileDialog
    }
    // The loaded dialog takes this item's settings and reports through it. Set from out here rather than
    // inside the Components: Qt 6.4's Loader cannot load a Component of a file with `pragma
    // ComponentBehavior: Bound`, which qmllint needs to accept a Component's use of this file's ids.
    Binding {
        target: root.loadedDialog
        when: root.loadedDialog !== null
        property: "title"
        value: root.title
    }
    Binding {
        target: root.loadedDialog
        when: root.loadedDialog !== null && !root.selectFolder
        property: "fileMode"
        value: root.fileMode
    }
    Binding {
        target: root.loadedDialog
        when: root.loadedDialog !== null && !root.selectFolder
        property: "nameFilters"
        value: root.nameFilters
    }
    Connections {
        target: root.loadedDialog
        function onAccepted() {
            const dialog = root.loadedDialog
            root.finish(root.selectFolder ? [dialog.selectedFolder]
                        : dialog.fileMode === FileDialog.OpenFiles ? dialog.selectedFiles : [dialog.selectedFile])
        }
        function onRejected() { root.rejected() }
    }
    Component {
        id: fileDialog
        FileDialog {
            // Qt labels its buttons from Qt's own catalogue, which Sosoik does not ship: "Open" and
            // "Cancel" stayed English in the Korean UI (tst_file_dialog_labels).
            acceptLabel: fileMode === FileDialog.SaveFile ? qsTr("Save") : qsTr("Open")
            rejectLabel: qsTr("Cancel")
        }
    }
    Component {
        id: folderDialog
        FolderDialog {
            acceptLabel: qsTr("Choose")
            rejectLabel: qsTr("Cancel")
        }
    }

    // What shows instead of a dialog that cannot load: why, what fixes it, and a path field.
    Dialog {
        id: fallback
        objectName: "fileDialogFallback"
        property string reason
        function show(why) {
            reason = why
            pathField.text = root.selectedFile.toString() !== "" ? decodeURIComponent(
                                 root.selectedFile.toString().replace(/^file:\/\//, "")) : ""
            open()
            pathField.forceActiveFocus()
        }
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(560, parent ? parent.width - 40 : 560)
        modal: true
        title: root.title
        footer: DialogButtonBox {
            Button {
                text: qsTr("OK")
                // Dialog's name for the same enum: Qt 6.4's qmllint knows the roles only there
                DialogButtonBox.buttonRole: Dialog.AcceptRole
            }
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: Dialog.RejectRole
            }
        }
        onAccepted: {
            const path = pathField.text.trim()
            if (path.length === 0) {
                root.rejected()
                return
            }
            const url = path.startsWith("file:") ? path : "file://" + encodeURI(path)
            root.finish([url])
        }
        onRejected: root.rejected()
        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            Label {
                objectName: "fileDialogError"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Sosoik cannot show a file dialog on this desktop: a Qt module it needs is missing. "
                           + "Install the package qml6-module-qt-labs-folderlistmodel (Debian, Ubuntu) and restart Sosoik.")
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.pixelSize: 11
                opacity: 0.7
                text: qsTr("Details: %1").arg(fallback.reason)
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: root.selectFolder ? qsTr("Meanwhile, type the folder's full path:")
                                        : qsTr("Meanwhile, type the file's full path:")
            }
            TextField {
                id: pathField
                objectName: "fileDialogPath"
                Layout.fillWidth: true
                selectByMouse: true
                placeholderText: "/home/…"
                onAccepted: fallback.accept()
            }
        }
    }
}
