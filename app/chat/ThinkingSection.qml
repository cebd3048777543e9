import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// A reasoning model's thinking (chat/thinking.h), folded into a "Thinking…" / "Thought process"
// toggle above the answer. One component for the chat window (MessageDelegate) and the quick-query
// popup, so both fold the same way. nameSuffix names the toggle and text for tests.
ColumnLayout {
    id: section
    property string thinking
    property bool thinkingNow: false // the closing tag has not arrived and the answer still streams
    property bool expanded: false
    property string nameSuffix

    spacing: 4
    ToolButton {
        objectName: "thinkingToggle" + section.nameSuffix
        text: (section.expanded ? "▾ " : "▸ ") + (section.thinkingNow ? qsTr("Thinking…") : qsTr("Thought process"))
        font.pixelSize: 12
        onClicked: section.expanded = !section.expanded
        Accessible.name: section.expanded ? qsTr("Hide the thought process") : qsTr("Show the thought process")
    }
    Rectangle {
        visible: section.expanded
        Layout.fillWidth: true
        implicitHeight: thinkingText.implicitHeight + 12
        radius: 6
        color: Theme.thinkingBackground
        TextEdit {
            id: thinkingText
            objectName: "thinkingText" + section.nameSuffix
            x: 8
            y: 6
            width: parent.width - 16
            text: section.thinking
            textFormat: TextEdit.PlainText
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.Wrap
            color: Theme.thinkingText
        }
    }
}
