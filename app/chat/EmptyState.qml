import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// What an empty conversation shows: what to do next.
ColumnLayout {
    spacing: 8
    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        font.pixelSize: 22
        text: Models.loaded ? qsTr("How can I help?") : qsTr("Open a model to start chatting")
    }
    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        opacity: 0.7
        text: Models.loaded
              ? qsTr("Everything runs on this computer. Enter sends, Shift+Enter starts a new line.")
              : qsTr("Choose a GGUF model file with the model button above (Ctrl+O).")
    }
}
