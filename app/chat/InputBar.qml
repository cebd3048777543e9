import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// The message box: Enter sends, Shift+Enter adds a line, Esc stops an answer.
// Shows how many tokens the text takes (counted by the engine thread, debounced).
Pane {
    id: bar
    padding: 10

    function focusInput() { field.forceActiveFocus() }

    function sendNow() {
        if (Chat.busy || field.text.trim().length === 0)
            return
        if (Chat.send(field.text)) {
            field.text = ""
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 8

        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(Math.max(field.implicitHeight, 44), 180)
            contentWidth: availableWidth
            TextArea {
                id: field
                objectName: "messageInput"
                placeholderText: Models.loaded ? qsTr("Message Sosoik… (Enter sends, Shift+Enter for a new line)")
                                               : qsTr("Open a model first, then type here")
                wrapMode: TextEdit.Wrap
                selectByMouse: true
                Accessible.name: qsTr("Message")
                background: Rectangle {
                    color: palette.base
                    radius: 8
                    border.color: field.activeFocus ? palette.highlight : palette.mid
                }
                function handleEnter(event) {
                    if (event.modifiers & Qt.ShiftModifier) {
                        event.accepted = false
                        return
                    }
                    bar.sendNow()
                    event.accepted = true
                }
                Keys.onReturnPressed: event => handleEnter(event)
                Keys.onEnterPressed: event => handleEnter(event)
                Keys.onEscapePressed: Chat.stop()
                onTextChanged: countTimer.restart()
            }
        }

        ColumnLayout {
            spacing: 2
            Button {
                id: sendButton
                objectName: Chat.busy ? "stopButton" : "sendButton"
                Layout.preferredWidth: 96
                text: Chat.busy ? qsTr("Stop") : qsTr("Send")
                highlighted: !Chat.busy
                enabled: Chat.busy || field.text.trim().length > 0
                onClicked: Chat.busy ? Chat.stop() : bar.sendNow()
                ToolTip.visible: hovered
                ToolTip.text: Chat.busy ? qsTr("Stop the answer (Esc)") : qsTr("Send (Enter)")
            }
            Label {
                objectName: "inputTokenCount"
                Layout.alignment: Qt.AlignHCenter
                font.pixelSize: 11
                opacity: 0.7
                visible: field.text.length > 0 && Chat.inputTokenCount >= 0
                text: qsTr("%n token(s)", "", Chat.inputTokenCount)
            }
        }
    }

    Timer {
        id: countTimer
        interval: 200
        onTriggered: Chat.countInputTokens(field.text)
    }
}
