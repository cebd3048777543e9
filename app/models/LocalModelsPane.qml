pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// "On this computer": one row per GGUF found, loadable in place; the folders that are searched.
ColumnLayout {
    id: pane
    spacing: 8
    // Load was clicked: the page closes.
    signal modelChosen()

    SafeFileDialog {
        id: folderDialog
        selectFolder: true
        title: qsTr("Add a folder with GGUF models")
        onAccepted: Library.addFolder(selectedFile)
    }

    Label {
        Layout.fillWidth: true
        visible: Library.scannedOnce && Library.localModels.length === 0
        wrapMode: Text.Wrap
        text: qsTr("No GGUF models found yet. Download one from \"Get models\", or add a folder that has some.")
    }

    ListView {
        id: list
        objectName: "localModels"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: 2
        model: Library.localModels
        ScrollBar.vertical: ScrollBar {}
        delegate: ItemDelegate {
            id: row
            required property var modelData
            width: ListView.view.width
            highlighted: Models.current.path === modelData.path
            // The loaded model's row is drawn in the highlight colour: its labels take the highlight's text
            // colour (they stayed dark on blue, seen under Xvfb), and its fit, coloured for the window, is
            // left out there (the model is running: it fits).
            palette.windowText: highlighted ? Theme.accentText : Theme.windowText
            contentItem: RowLayout {
                spacing: 12
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    RowLayout {
                        spacing: 6
                        Label {
                            text: row.modelData.title
                            font.bold: true
                            elide: Text.ElideRight
                            Layout.maximumWidth: list.width * 0.5
                        }
                        Label {
                            text: row.modelData.originLabel
                            padding: 2
                            leftPadding: 6
                            rightPadding: 6
                            font.pixelSize: 11
                            color: Theme.badgeText
                            background: Rectangle { radius: 3; color: Theme.badgeBackground }
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        elide: Text.ElideMiddle
                        font.pixelSize: 12
                        opacity: 0.8
                        text: row.modelData.supported
                              ? qsTr("%1 · %2 parameters · %3 · %4 · context %5")
                                    .arg(row.modelData.architecture).arg(row.modelData.parameters)
                                    .arg(row.modelData.quant).arg(row.modelData.sizeText).arg(row.modelData.context)
                                + (row.modelData.languages ? " · " + qsTr("languages: %1").arg(row.modelData.languages) : "")
                              : row.modelData.sizeText
                    }
                    Label {
                        Layout.fillWidth: true
                        elide: Text.ElideMiddle
                        font.pixelSize: 11
                        opacity: 0.6
                        text: row.modelData.name
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: !row.modelData.supported
                        wrapMode: Text.Wrap
                        font.pixelSize: 12
                        color: Theme.errorText
                        text: qsTr("Cannot run: %1").arg(row.modelData.reason)
                    }
                }
                FitLabel {
                    visible: row.modelData.supported && !row.highlighted
                    text: row.modelData.fitText || ""
                    fit: row.modelData.fit || "" // a model that cannot run has no fit
                }
                Button {
                    objectName: "loadModel"
                    visible: row.modelData.supported
                    enabled: !Models.loading
                    text: Models.current.path === row.modelData.path ? qsTr("Loaded") : qsTr("Load")
                    onClicked: {
                        Models.load(row.modelData.path)
                        pane.modelChosen()
                    }
                }
            }
        }
    }

    GroupBox {
        Layout.fillWidth: true
        title: qsTr("Where Sosoik looks")
        ColumnLayout {
            anchors.fill: parent
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.pixelSize: 12
                opacity: 0.8
                text: qsTr("Sosoik's models folder (%1), the folders below, and the models of Ollama, LM Studio, GPT4All, Jan and the Hugging Face cache, used where they are.").arg(Library.modelsDir)
            }
            Repeater {
                model: Library.folders
                delegate: RowLayout {
                    id: folderRow
                    required property string modelData
                    Label {
                        Layout.fillWidth: true
                        elide: Text.ElideMiddle
                        text: folderRow.modelData
                    }
                    Button {
                        text: qsTr("Remove")
                        flat: true
                        onClicked: Library.removeFolder(folderRow.modelData)
                    }
                }
            }
            RowLayout {
                Button {
                    objectName: "addFolder"
                    text: qsTr("Add folder…")
                    onClicked: folderDialog.open()
                }
                Button {
                    objectName: "rescan"
                    text: qsTr("Search again")
                    enabled: !Library.scanning
                    onClicked: Library.rescan()
                }
            }
        }
    }
}
