import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Sidebar used when the history feature is not wired: just a New chat button.
ColumnLayout {
    Button {
        Layout.fillWidth: true
        Layout.margins: 8
        text: qsTr("New chat")
        onClicked: chat.newConversation()
    }
    Item { Layout.fillHeight: true }
}
