import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../settings"

// Settings of the open conversation; values not changed here follow the app defaults.
Dialog {
    id: dialog
    objectName: "conversationSettingsDialog"
    title: qsTr("Conversation settings")
    modal: true
    width: Math.min(620, parent ? parent.width - 40 : 620)
    standardButtons: Dialog.Close

    ColumnLayout {
        anchors.fill: parent
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            opacity: 0.7
            text: qsTr("These apply to this conversation only. Defaults for new conversations are in Settings.")
        }
        GenerationFields {
            Layout.fillWidth: true
            values: chat.settings
            onEdited: (name, value) => chat.setConversationSetting(name, value)
        }
        Button {
            text: qsTr("Use the defaults")
            onClicked: chat.resetConversationSettings()
        }
    }
}
