import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Sosoik

// The Models page: every GGUF on this computer (Sosoik's folder, added folders, Ollama, LM Studio,
// GPT4All, Jan, the Hugging Face cache) with what it is and whether it fits, and the recommended
// catalog with downloads. Uses the singletons Library (ModelLibrary) and Models (ModelManager).
Dialog {
    id: page
    objectName: "modelsPage"
    title: qsTr("Models")
    modal: true
    padding: 12
    width: parent ? parent.width - 40 : 900
    height: parent ? parent.height - 40 : 640
    // Its own Close button: Qt's standard button texts are not translated (no Qt translations ship).
    footer: DialogButtonBox {
        Button {
            objectName: "closeModelsPage"
            text: qsTr("Close")
            // Dialog's name for the same enum: Qt 6.4's qmllint knows the roles only there
            DialogButtonBox.buttonRole: Dialog.RejectRole
        }
    }

    property alias currentTab: tabs.currentIndex

    onOpened: if (!Library.scannedOnce) Library.rescan()

    header: ColumnLayout {
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 12
            Label {
                text: page.title
                font.pixelSize: 20
                font.bold: true
            }
            Item { Layout.fillWidth: true }
            BusyIndicator {
                running: Library.scanning
                visible: running
                Layout.preferredHeight: 28
                Layout.preferredWidth: 28
            }
            Label {
                objectName: "memoryText"
                text: Library.memoryText
                opacity: 0.75
            }
        }
        TabBar {
            id: tabs
            objectName: "modelsTabs"
            Layout.fillWidth: true
            TabButton {
                objectName: "localTab"
                text: qsTr("On this computer (%1)").arg(Library.localModels.length)
            }
            TabButton {
                objectName: "catalogTab"
                text: qsTr("Get models")
            }
        }
    }

    Label {
        id: messageLabel
        objectName: "libraryMessage"
        visible: text !== ""
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        wrapMode: Text.Wrap
        // Library.notice is information ("No downloaded catalog model to check"), not an error.
        property bool isError: true
        color: isError ? Theme.errorText : Theme.windowText
        Connections {
            target: Library
            function onMessage(text) { messageLabel.isError = true; messageLabel.text = text }
            function onNotice(text) { messageLabel.isError = false; messageLabel.text = text }
        }
    }

    StackLayout {
        anchors.fill: parent
        anchors.topMargin: messageLabel.visible ? messageLabel.height + 6 : 0
        currentIndex: tabs.currentIndex

        LocalModelsPane { onModelChosen: page.close() }

        CatalogPane {
            onModelChosen: page.close()
            onAcceptRequested: (row) => {
                licenceDialog.row = row
                licenceDialog.open()
            }
        }
    }

    LicenceDialog {
        id: licenceDialog
        anchors.centerIn: parent
        onAccepted: Library.download(row.modelId, true)
    }
}
