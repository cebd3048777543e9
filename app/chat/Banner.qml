import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// A dismissible strip above the conversation: errors in red, notices in amber.
Rectangle {
    id: banner
    property string kind: "error"
    property alias text: label.text
    property string actionText: "" // an optional button before the dismiss cross
    signal dismissed
    signal actionClicked

    visible: text.length > 0
    implicitHeight: visible ? row.implicitHeight + 16 : 0
    color: kind === "error" ? Theme.errorBackground : Theme.warningBackground
    border.color: kind === "error" ? Theme.errorBorder : Theme.warningBorder

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: 8
        Label {
            text: banner.kind === "error" ? "⚠" : "ℹ"
            color: banner.kind === "error" ? Theme.errorText : Theme.warningText
        }
        Label {
            id: label
            objectName: banner.objectName + "Text"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: banner.kind === "error" ? Theme.errorText : Theme.warningText
        }
        Button {
            objectName: banner.objectName + "Action"
            visible: banner.actionText.length > 0
            text: banner.actionText
            onClicked: banner.actionClicked()
        }
        ToolButton {
            text: "✕"
            onClicked: banner.dismissed()
            Accessible.name: qsTr("Dismiss")
        }
    }
}
