pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// "Get models": the recommended catalog, each with its fit on this computer and its download.
ColumnLayout {
    id: pane
    spacing: 8
    // Load was clicked: the page closes.
    signal modelChosen()
    signal acceptRequested(var row)

    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: 12
        opacity: 0.8
        text: qsTr("Downloads come from %1 only when you ask, are checked against their published sha256, and continue where they stopped.").arg(Library.host)
    }

    // A Hugging Face mirror serves the same paths and metadata; an invalid address is refused with a
    // message and the field shows the host in use again.
    RowLayout {
        Layout.fillWidth: true
        Label {
            text: qsTr("Model host:")
        }
        TextField {
            id: hostField
            objectName: "modelHostField"
            Layout.fillWidth: true
            text: Library.host
            selectByMouse: true
            onEditingFinished: {
                if (text !== Library.host) Library.host = text // setHost is not invokable: the property is written
                text = Qt.binding(() => Library.host)
            }
        }
        Button {
            objectName: "checkUpdatesButton"
            text: Library.checkingUpdates ? qsTr("Checking…") : qsTr("Check for updates")
            enabled: !Library.checkingUpdates
            onClicked: Library.checkForUpdates()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Ask the model host whether the models Sosoik downloaded have newer files")
        }
    }

    ListView {
        id: list
        objectName: "catalogList"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: 2
        model: Library.catalog
        ScrollBar.vertical: ScrollBar {}
        delegate: ItemDelegate {
            id: row
            required property string modelId
            required property string title
            required property string quant
            required property string sizeText
            required property string languages
            required property string licence
            required property string licenceUrl
            required property bool nonCommercial
            required property bool requiresAcceptance
            required property string fit
            required property string fitText
            required property bool recommended
            required property string recommendedWhy
            required property bool installed
            required property string path
            required property string downloadState
            required property double progress
            required property string transferText
            required property string errorText
            required property string update
            readonly property bool active: downloadState === "probing" || downloadState === "downloading"
                                           || downloadState === "verifying"
            width: ListView.view.width
            contentItem: RowLayout {
                spacing: 12
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    RowLayout {
                        spacing: 6
                        Label {
                            text: row.title
                            font.bold: true
                        }
                        Label {
                            objectName: "recommendedBadge"
                            visible: row.recommended
                            text: qsTr("Recommended for this PC")
                            color: Theme.successText
                            font.pixelSize: 11
                            padding: 2
                            leftPadding: 6
                            rightPadding: 6
                            background: Rectangle { radius: 3; color: Theme.badgeBackground }
                        }
                        Label {
                            visible: row.nonCommercial
                            text: qsTr("Non-commercial")
                            color: Theme.errorText
                            font.pixelSize: 11
                            padding: 2
                            leftPadding: 6
                            rightPadding: 6
                            background: Rectangle { radius: 3; color: Theme.errorBackground }
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        font.pixelSize: 12
                        opacity: 0.8
                        text: qsTr("%1 · %2 · languages: %3 · %4").arg(row.quant).arg(row.sizeText)
                                  .arg(row.languages).arg(row.licence)
                    }
                    FitLabel {
                        text: row.fitText
                        font.pixelSize: 12
                        fit: row.fit
                    }
                    Label {
                        objectName: "recommendedWhy"
                        Layout.fillWidth: true
                        visible: row.recommended
                        wrapMode: Text.Wrap
                        font.pixelSize: 12
                        opacity: 0.8
                        text: row.recommendedWhy
                    }
                    ProgressBar {
                        Layout.fillWidth: true
                        visible: row.active || row.downloadState === "paused"
                        indeterminate: row.downloadState === "probing" || row.downloadState === "verifying"
                        value: row.progress
                    }
                    Label {
                        visible: text !== ""
                        font.pixelSize: 11
                        opacity: 0.8
                        text: row.downloadState === "verifying" ? qsTr("Checking sha256…")
                              : row.downloadState === "paused" ? qsTr("Paused: %1").arg(row.transferText)
                              : row.active ? row.transferText : ""
                    }
                    Label {
                        objectName: "updateLabel"
                        Layout.fillWidth: true
                        visible: row.update !== "" && !row.active
                        wrapMode: Text.Wrap
                        font.pixelSize: 12
                        color: row.update === "available" ? Theme.warningText
                             : row.update === "current" ? Theme.successText : Theme.errorText
                        text: row.update === "available" ? qsTr("A newer file is published: Update replaces this one")
                              : row.update === "current" ? qsTr("Up to date")
                              : qsTr("Could not check for an update: %1").arg(row.update)
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: row.errorText !== ""
                        wrapMode: Text.Wrap
                        font.pixelSize: 12
                        color: Theme.errorText
                        text: row.errorText
                    }
                }
                Button {
                    objectName: "downloadButton"
                    visible: !row.installed && !row.active
                    text: row.downloadState === "paused" || row.downloadState === "failed" && row.progress > 0
                          ? qsTr("Resume") : qsTr("Download")
                    highlighted: row.recommended
                    onClicked: {
                        if (row.requiresAcceptance && row.downloadState !== "paused")
                            pane.acceptRequested({modelId: row.modelId, title: row.title, licence: row.licence,
                                                  licenceUrl: row.licenceUrl, nonCommercial: row.nonCommercial})
                        else
                            Library.download(row.modelId, true)
                    }
                }
                Button {
                    objectName: "updateButton"
                    visible: row.installed && row.update === "available" && !row.active
                    text: qsTr("Update")
                    onClicked: Library.download(row.modelId, true) // its licence was accepted at download
                }
                Button {
                    visible: row.downloadState === "downloading" || row.downloadState === "probing"
                    text: qsTr("Pause")
                    onClicked: Library.pause(row.modelId)
                }
                Button {
                    visible: row.active || row.downloadState === "paused"
                    text: qsTr("Cancel")
                    onClicked: Library.cancel(row.modelId)
                }
                Button {
                    visible: row.installed
                    text: Models.current.path === row.path ? qsTr("Loaded") : qsTr("Load")
                    enabled: !Models.loading
                    onClicked: {
                        Models.load(row.path)
                        pane.modelChosen()
                    }
                }
            }
        }
    }
}
