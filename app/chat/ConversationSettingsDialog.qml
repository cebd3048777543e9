import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// Settings of the open conversation; values not changed here follow the app defaults.
Dialog {
    id: dialog
    objectName: "conversationSettingsDialog"
    title: qsTr("Conversation settings")
    modal: true
    width: Math.min(620, parent ? parent.width - 40 : 620)
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

    ColumnLayout {
        anchors.fill: parent
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            opacity: 0.7
            text: qsTr("These apply to this conversation only. New conversations start from Settings (⚙) → Defaults for conversations.")
        }
        GenerationFields {
            Layout.fillWidth: true
            values: Chat.settings
            onEdited: (name, value) => Chat.setConversationSetting(name, value)
        }
        Button {
            text: qsTr("Use the defaults")
            onClicked: Chat.resetConversationSettings()
        }
    }
}
