pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// Open a GGUF file or pick a recent one, see what it is before loading, choose the device.
Dialog {
    id: picker
    objectName: "modelPicker"
    title: qsTr("Choose a model")
    modal: true
    width: Math.min(640, parent ? parent.width - 40 : 640)
    // Our own button, not standardButtons: Qt's "Close" is translated only with Qt's own catalogue,
    // which Sosoik does not ship (issue #13: it stayed English in the Korean UI).
    footer: DialogButtonBox {
        Button {
            objectName: "closeButton"
            text: qsTr("Close")
            // Dialog's name for the same enum: Qt 6.4's qmllint knows the roles only there
            DialogButtonBox.buttonRole: Dialog.RejectRole
        }
    }

    property var preview: ({})
    signal modelsPageRequested()

    // The model is chosen; Enter (or Space) on the focused button loads it.
    function showPreview(path) {
        preview = Models.inspect(path)
        // Later: the file dialog that chose it gives the focus back as it closes.
        if (preview.error === undefined) Qt.callLater(() => loadPreviewed.forceActiveFocus())
    }

    onOpened: {
        Models.refreshDevices()
        browseButton.forceActiveFocus() // Space or Enter opens the file dialog
    }

    SafeFileDialog {
        id: fileDialog
        objectName: "modelFileDialog"
        purpose: "models"
        title: qsTr("Open a GGUF model")
        nameFilters: [qsTr("GGUF models (*.gguf)"), qsTr("All files (*)")]
        onAccepted: picker.showPreview(selectedFile)
    }

    // The file dialog is a second content child: the size comes from this column alone.
    contentHeight: pickerColumn.implicitHeight
    ColumnLayout {
        id: pickerColumn
        anchors.fill: parent
        spacing: 10

        RowLayout {
            Button {
                id: browseButton
                objectName: "browseModel"
                text: qsTr("Open file…")
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
                onClicked: fileDialog.open()
            }
            Button {
                objectName: "allModels"
                text: qsTr("All models…")
                onClicked: {
                    picker.close()
                    picker.modelsPageRequested()
                }
            }
            Label { text: qsTr("Device:") }
            ComboBox {
                id: deviceBox
                objectName: "deviceChoice"
                Layout.fillWidth: true
                model: Models.deviceChoices
                textRole: "label"
                valueRole: "key"
                Component.onCompleted: currentIndex = Math.max(0, indexOfValue(Models.deviceKey))
                onModelChanged: currentIndex = Math.max(0, indexOfValue(Models.deviceKey))
                onActivated: Models.deviceKey = currentValue
            }
        }

        GroupBox {
            Layout.fillWidth: true
            visible: picker.preview.path !== undefined || picker.preview.error !== undefined
            title: picker.preview.error !== undefined ? qsTr("Cannot use this file") : picker.preview.name || ""
            ColumnLayout {
                anchors.fill: parent
                Label {
                    visible: picker.preview.error !== undefined
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.errorText
                    text: picker.preview.error || ""
                }
                GridLayout {
                    visible: picker.preview.error === undefined
                    columns: 2
                    Label { text: qsTr("Size") }
                    Label { text: Models.formatBytes(picker.preview.fileBytes || 0) }
                    Label { text: qsTr("Quantization") }
                    Label { text: picker.preview.quantization || "—" }
                    Label { text: qsTr("Architecture") }
                    Label { text: picker.preview.architecture || "—" }
                    Label { text: qsTr("Trained context") }
                    Label { text: qsTr("%n token(s)", "", picker.preview.contextLength || 0) }
                }
                Button {
                    id: loadPreviewed
                    objectName: "loadPreviewed"
                    visible: picker.preview.error === undefined
                    text: qsTr("Load this model")
                    highlighted: true
                    Keys.onReturnPressed: clicked()
                    Keys.onEnterPressed: clicked()
                    onClicked: {
                        Models.load(picker.preview.path)
                        picker.close()
                    }
                }
            }
        }

        Label {
            text: qsTr("Built-in models")
            font.bold: true
            visible: Models.builtinModels.length > 0
        }
        Repeater {
            objectName: "builtinModels"
            model: Models.builtinModels
            delegate: ItemDelegate {
                required property var modelData
                Layout.fillWidth: true
                // The name the tool bar and Recent models use; what it is in the tooltip.
                text: modelData.name
                ToolTip.text: modelData.title
                ToolTip.visible: hovered
                ToolTip.delay: 600
                highlighted: Models.current.path === modelData.path
                onClicked: picker.showPreview(modelData.path)
                onDoubleClicked: {
                    Models.load(modelData.path)
                    picker.close()
                }
            }
        }
        Label {
            text: qsTr("Bigger models (GGUF files from Hugging Face, e.g. Qwen2.5 1.5B Instruct Q4_0) answer much better: open one with \"Open file…\".")
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            opacity: 0.7
            visible: Models.usingBuiltin
        }

        Label {
            text: qsTr("Recent models")
            font.bold: true
            visible: Models.recent.count > 0
        }
        ListView {
            objectName: "recentModels"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 240)
            clip: true
            model: Models.recent
            delegate: ItemDelegate {
                id: recentRow
                required property int index
                required property string name
                required property string path
                required property var fileBytes
                required property string quantization
                required property int contextLength
                required property bool exists
                width: ListView.view.width
                enabled: exists
                contentItem: ColumnLayout {
                    Label {
                        text: recentRow.name
                        font.bold: true
                    }
                    Label {
                        Layout.fillWidth: true
                        elide: Text.ElideMiddle
                        opacity: 0.7
                        font.pixelSize: 11
                        text: recentRow.exists ? qsTr("%1 · %2 · context %3 · %4").arg(Models.formatBytes(recentRow.fileBytes))
                                              .arg(recentRow.quantization || "?").arg(recentRow.contextLength).arg(recentRow.path)
                                            : qsTr("Missing: %1").arg(recentRow.path)
                    }
                }
                onClicked: picker.showPreview(path)
                onDoubleClicked: {
                    Models.load(path)
                    picker.close()
                }
            }
        }
    }
}
