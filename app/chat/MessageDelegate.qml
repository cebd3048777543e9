import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// One message: Markdown prose, code blocks with a copy button, and its actions
// (copy, edit and resend for the user's messages, regenerate for the last answer, delete).
Item {
    id: root
    required property int index
    required property var messageId
    required property string role
    required property string content
    // The Markdown as blocks: the settled ones never change again, so while an answer streams only
    // the tail block's text (one paragraph or code block) is parsed again (ChatMessageModel).
    required property var settledBlocks
    required property var tailBlock
    required property bool streaming
    required property string note
    // A reasoning model's thinking (chat/thinking.h), folded above the answer; answer is the rest.
    required property string thinking
    required property bool hasThinking
    required property bool thinkingOpen
    required property string answer
    required property bool isLast

    readonly property bool isUser: role === "user"
    property bool editing: false

    implicitHeight: bubble.height + 8
    objectName: "message_" + index

    Rectangle {
        id: bubble
        x: root.isUser ? root.width - width - 16 : 16
        // Editing gets room to write in: a short message's bubble was as narrow as its text.
        width: Math.min(root.width - 32, root.isUser ? Math.max(body.implicitWidth + 24, root.editing ? 520 : 160)
                                                     : 760)
        height: body.implicitHeight + 20
        radius: 10
        color: root.isUser ? Theme.userBubble : Theme.base
        border.color: root.isUser ? Theme.userBubbleBorder : Theme.border

        HoverHandler { id: hover }

        ColumnLayout {
            id: body
            x: 12
            y: 10
            width: bubble.width - 24
            spacing: 6

            RowLayout {
                Layout.fillWidth: true
                Label {
                    // An imported conversation may hold system messages: shown as such (#19 item 8).
                    text: root.isUser ? qsTr("You") : root.role === "system" ? qsTr("System") : qsTr("Assistant")
                    font.bold: true
                    color: Theme.mutedText
                }
                // Spins only until the answer's text shows (reading the prompt, a folded reasoning):
                // then the growing text is the sign of life. Issue #13: a running BusyIndicator makes Qt
                // Quick draw every frame (130 frames/s under Xvfb, most of the UI thread's CPU while
                // answering) and those frames took CPU from the engine on 2 cores.
                BusyIndicator {
                    objectName: "busy_" + root.index
                    visible: running
                    running: root.streaming && root.answer.length === 0
                    Layout.preferredWidth: 18
                    Layout.preferredHeight: 18
                }
                Item { Layout.fillWidth: true }
                Row {
                    objectName: "actions_" + root.index
                    opacity: hover.hovered || root.isLast ? 1 : 0
                    visible: !root.editing && !root.streaming
                    ToolButton {
                        objectName: "copyMessage_" + root.index
                        text: qsTr("Copy")
                        font.pixelSize: 11
                        onClicked: Chat.copyToClipboard(root.answer)
                    }
                    ToolButton {
                        objectName: "editMessage_" + root.index
                        visible: root.isUser
                        enabled: !Chat.busy
                        text: qsTr("Edit")
                        font.pixelSize: 11
                        onClicked: {
                            editor.text = root.content
                            root.editing = true
                            editor.forceActiveFocus()
                        }
                    }
                    ToolButton {
                        objectName: "regenerate_" + root.index
                        // Not a document's summary: that comes from the document (ChatController::regenerate).
                        visible: !root.isUser && root.isLast && !(Chat.documentConversation && root.index === 1)
                        enabled: !Chat.busy
                        text: qsTr("Regenerate")
                        font.pixelSize: 11
                        onClicked: Chat.regenerate()
                    }
                    ToolButton {
                        objectName: "deleteMessage_" + root.index
                        text: qsTr("Delete")
                        font.pixelSize: 11
                        enabled: !Chat.busy
                        onClicked: Chat.deleteMessage(root.index)
                    }
                }
            }

            ThinkingSection {
                objectName: "thinking_" + root.index
                nameSuffix: "_" + root.index
                visible: !root.editing && root.hasThinking
                Layout.fillWidth: true
                thinking: root.thinking
                thinkingNow: root.thinkingOpen && root.streaming
            }

            Repeater {
                model: root.editing ? [] : root.settledBlocks
                delegate: MessageBlock {
                    required property var modelData
                    Layout.fillWidth: true
                    segment: modelData
                }
            }
            MessageBlock {
                objectName: "tailBlock_" + root.index
                Layout.fillWidth: true
                active: !root.editing && root.tailBlock.kind !== undefined
                visible: active // empty, it still took the column's spacing (a gap above the editor)
                segment: root.tailBlock
            }

            // Before the first token: how far the model has read the conversation (issue #13).
            RowLayout {
                visible: !root.editing && root.tailBlock.kind === undefined && root.streaming && !root.hasThinking
                Layout.fillWidth: true
                readonly property bool reading: root.isLast && Chat.promptTotal > 0
                Label {
                    objectName: "promptProgress_" + root.index
                    text: parent.reading ? qsTr("Reading the conversation… %1 / %2 tokens")
                                               .arg(Chat.promptDone).arg(Chat.promptTotal)
                                         : "…"
                }
                ProgressBar {
                    visible: parent.reading
                    Layout.fillWidth: true
                    from: 0
                    to: Math.max(1, Chat.promptTotal)
                    value: Chat.promptDone
                }
            }

            ColumnLayout {
                visible: root.editing
                Layout.fillWidth: true
                TextArea {
                    id: editor
                    objectName: "editor_" + root.index
                    Layout.fillWidth: true
                    wrapMode: TextEdit.Wrap
                    // A field that looks like one (the style's TextArea has no frame): as the message box.
                    background: Rectangle {
                        color: Theme.base
                        radius: 6
                        border.color: editor.activeFocus ? Theme.accent : Theme.border
                    }
                    Keys.onReturnPressed: event => {
                        if (event.modifiers & Qt.ShiftModifier) {
                            event.accepted = false
                            return
                        }
                        root.editing = false
                        Chat.editAndResend(root.index, editor.text)
                    }
                    Keys.onEscapePressed: root.editing = false
                }
                RowLayout {
                    Button {
                        objectName: "saveEdit_" + root.index
                        text: qsTr("Save and send")
                        highlighted: true
                        onClicked: {
                            root.editing = false
                            Chat.editAndResend(root.index, editor.text)
                        }
                    }
                    Button {
                        text: qsTr("Cancel")
                        onClicked: root.editing = false
                    }
                }
            }

            Label {
                visible: root.note.length > 0
                text: root.note
                font.italic: true
                font.pixelSize: 11
                color: Theme.mutedText
            }
        }
    }
}
