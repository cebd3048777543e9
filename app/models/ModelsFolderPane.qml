import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// Settings → Models: Sosoik's own models folder (ModelLibrary::setModelsDir says why it moves no file).
ColumnLayout {
    id: pane
    spacing: 6

    SafeFileDialog {
        id: folderDialog
        objectName: "modelsFolderDialog"
        selectFolder: true
        title: qsTr("Choose the models folder")
        currentFolder: "file://" + encodeURI(Library.modelsDir)
        onAccepted: Library.setModelsDir(selectedFile)
    }

    Connections {
        target: Library
        function onMessage(text) { outcome.text = text }
        function onNotice(text) { outcome.text = text }
    }

    RowLayout {
        Layout.fillWidth: true
        Label { text: qsTr("Models folder") }
        Label {
            objectName: "modelsFolderPath"
            Layout.fillWidth: true
            elide: Text.ElideMiddle
            text: Library.modelsDir
        }
        Button {
            objectName: "changeModelsFolder"
            text: qsTr("Change…")
            onClicked: folderDialog.open()
        }
        Button {
            objectName: "defaultModelsFolder"
            text: qsTr("Default")
            visible: !Library.modelsDirIsDefault
            onClicked: Library.setModelsDir("")
        }
    }
    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: 12
        opacity: 0.8
        text: qsTr("Downloads go here, and Sosoik looks here first. Changing it moves no file: the models in the old folder stay there and are still listed.")
    }
    Label {
        id: outcome
        objectName: "modelsFolderOutcome"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        visible: text.length > 0
    }
}
