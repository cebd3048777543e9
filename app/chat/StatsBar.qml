import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

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
            text: chat.queued ? qsTr("Waiting for the model…")
                  : chat.busy ? qsTr("Answering…")
                  : models.loading ? qsTr("Loading model… %1%").arg(Math.round(models.progress * 100))
                  : models.loaded ? qsTr("Ready") : qsTr("No model loaded")
        }
        Label {
            objectName: "speedLabel"
            visible: chat.tokensPerSecond > 0
            text: qsTr("%1 tokens/s").arg(chat.tokensPerSecond.toFixed(1))
        }
        Item { Layout.fillWidth: true }
        Label {
            objectName: "contextLabel"
            visible: chat.contextLength > 0
            text: qsTr("Context %1 / %2").arg(chat.contextUsed).arg(chat.contextLength)
        }
        ProgressBar {
            visible: chat.contextLength > 0
            Layout.preferredWidth: 120
            from: 0
            to: Math.max(1, chat.contextLength)
            value: chat.contextUsed
        }
    }
}
