// A strip under the tool bar while a document is being summarized: what is happening
// ("Summarizing chunk 3 of 12"), elapsed and estimated time, a progress bar and Cancel.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Pane {
    id: strip
    objectName: "summaryProgress"
    property var controller: null
    visible: controller !== null && controller.busy
    padding: 8

    RowLayout {
        anchors.fill: parent
        spacing: 10
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Label {
                objectName: "summaryProgressText"
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: strip.controller ? strip.controller.progressText
                                         + (strip.controller.queued > 0 ? qsTr(" (%n more waiting)", "", strip.controller.queued) : "")
                                       : ""
            }
            ProgressBar {
                objectName: "summaryProgressBar"
                Layout.fillWidth: true
                from: 0
                to: 1
                value: strip.controller ? strip.controller.progress : 0
                indeterminate: strip.controller !== null && strip.controller.progress <= 0
            }
            Label {
                objectName: "summaryTimeText"
                text: strip.controller ? strip.controller.timeText : ""
                opacity: 0.7
                font.pixelSize: 12
            }
        }
        Button {
            objectName: "summaryCancelButton"
            text: qsTr("Cancel")
            onClicked: strip.controller.cancel()
        }
    }
}
