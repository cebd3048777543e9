// Covers its parent while files are dragged over it: a hint that dropping starts a summary.
// Usage: DropOverlay { anchors.fill: parent; onFilesDropped: (urls) => summaries.summarizeUrls(urls) }
import QtQuick
import QtQuick.Controls

DropArea {
    id: dropArea
    objectName: "documentDropArea"
    property bool hinting: containsDrag
    signal filesDropped(var urls)

    keys: ["text/uri-list"]
    onEntered: (drag) => drag.accept(Qt.CopyAction)
    onDropped: (event) => {
        if (!event.hasUrls) return
        event.accept(Qt.CopyAction)
        dropArea.filesDropped(event.urls)
    }

    Rectangle {
        objectName: "documentDropHint"
        anchors.fill: parent
        anchors.margins: 12
        visible: dropArea.containsDrag
        z: 1000
        radius: 12
        color: Qt.rgba(palette.highlight.r, palette.highlight.g, palette.highlight.b, 0.12)
        border.color: palette.highlight
        border.width: 2

        Column {
            anchors.centerIn: parent
            spacing: 8
            Label {
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("Drop to summarize")
                font.pixelSize: 22
                font.bold: true
            }
            Label {
                anchors.horizontalCenter: parent.horizontalCenter
                text: qsTr("PDF, Word (.docx), Hangul (.hwpx), HTML or text — the file never leaves this computer")
                opacity: 0.8
            }
        }
    }
}
