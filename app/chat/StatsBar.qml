import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// Live generation figures: speed, context use and queue state.
Rectangle {
    implicitHeight: row.implicitHeight + 8
    color: palette.alternateBase
    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
        spacing: 16
        Label {
            objectName: "statusLabel"
            text: Chat.queued ? qsTr("Waiting for the model…")
                  : Chat.busy ? qsTr("Answering…")
                  : Models.loading ? qsTr("Loading model… %1%").arg(Math.round(Models.progress * 100))
                  : Models.loaded ? qsTr("Ready") : qsTr("No model loaded")
        }
        Label {
            objectName: "speedLabel"
            visible: Chat.tokensPerSecond > 0
            text: qsTr("%1 tokens/s").arg(Chat.tokensPerSecond.toFixed(1))
        }
        Item { Layout.fillWidth: true }
        Label {
            objectName: "contextLabel"
            visible: Chat.contextLength > 0
            text: qsTr("Context %1 / %2").arg(Chat.contextUsed).arg(Chat.contextLength)
        }
        ProgressBar {
            visible: Chat.contextLength > 0
            Layout.preferredWidth: 120
            from: 0
            to: Math.max(1, Chat.contextLength)
            value: Chat.contextUsed
        }
    }
}
