import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// The quick-query popup: one input line, the answer streams in below as Markdown.
// Enter asks, Esc hides, Ctrl+Enter (or "Continue in chat") opens the exchange in the main window,
// dropping a file summarizes it. `controller` is a QuickQueryController.
Window {
    id: popup
    objectName: "quickQueryPopup"
    required property var controller
    readonly property bool hasExchange: controller.question !== ""

    title: qsTr("Sosoik quick query")
    flags: Qt.Tool | Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint
    width: 520
    height: 360
    color: palette.window

    SystemPalette { id: palette }

    onVisibleChanged: if (visible) { input.forceActiveFocus(); input.selectAll() }

    Shortcut {
        // Qt 6.4's qmllint cannot resolve StandardKey (QtQuick exports QKeySequence's enum under that name
        // as a value type; the engine resolves it): silenced on this line only.
        sequences: [StandardKey.Cancel] // qmllint disable unqualified
        onActivated: popup.hide()
    }

    Rectangle {
        anchors.fill: parent
        color: "transparent"
        border.color: dropArea.containsDrag ? palette.highlight : palette.mid
        border.width: dropArea.containsDrag ? 2 : 1
        radius: 6
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: input
                objectName: "quickInput"
                Layout.fillWidth: true
                placeholderText: qsTr("Ask Sosoik… (Enter asks, Ctrl+Enter continues in chat, Esc hides)")
                Keys.onPressed: (event) => {
                    if (event.key === Qt.Key_Escape) {
                        event.accepted = true
                        popup.hide()
                        return
                    }
                    if (event.key !== Qt.Key_Return && event.key !== Qt.Key_Enter) return
                    event.accepted = true
                    const typedNew = text.trim() !== "" && text.trim() !== popup.controller.question
                    if ((event.modifiers & Qt.ControlModifier) && popup.hasExchange && !typedNew)
                        popup.controller.continueInChat()
                    else if (popup.controller.ask(text))
                        selectAll()
                }
            }
            Button {
                objectName: "quickStop"
                text: qsTr("Stop")
                visible: popup.controller.busy
                onClicked: popup.controller.stop()
            }
        }

        // A remote engine answers (Settings → Remote engine): say that the question leaves this PC.
        Label {
            objectName: "quickRemote"
            Layout.fillWidth: true
            visible: Models.usingRemote
            text: visible ? qsTr("Answered by the server %1 — what you type leaves this PC.").arg(Models.current.backendName || "") : ""
            wrapMode: Text.Wrap
            color: Theme.warningText
        }

        Label {
            objectName: "quickStatus"
            Layout.fillWidth: true
            visible: text !== ""
            text: popup.controller.statusText
            wrapMode: Text.Wrap
            color: popup.controller.state === "error" ? Theme.errorText : palette.placeholderText
        }

        ScrollView {
            id: scroller
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            ColumnLayout {
                width: scroller.availableWidth
                spacing: 4
                // A reasoning model's thinking, folded as in the chat window (#21).
                ThinkingSection {
                    objectName: "quickThinking"
                    nameSuffix: "_quick"
                    visible: popup.controller.hasThinking
                    Layout.fillWidth: true
                    thinking: popup.controller.thinking
                    thinkingNow: popup.controller.thinkingNow
                }
                TextEdit {
                    id: answerView
                    objectName: "quickAnswer"
                    Layout.fillWidth: true
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.Wrap
                    textFormat: TextEdit.MarkdownText
                    color: palette.windowText
                    // Untrusted Markdown: made safe (no image or other resource is ever fetched), and a
                    // link opens only after LinkConfirmDialog.
                    text: popup.controller.answer !== "" ? popup.controller.answerMarkdown
                         : popup.hasExchange ? "" : qsTr("Drop a file here to summarize it.")
                    onLinkActivated: link => linkConfirm.createObject(Overlay.overlay, {url: link}).open()
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: popup.controller.question
                color: palette.placeholderText
            }
            Button {
                objectName: "continueInChat"
                text: qsTr("Continue in chat")
                enabled: popup.controller.conversationId > 0
                onClicked: popup.controller.continueInChat()
            }
        }
    }

    Component {
        id: linkConfirm
        LinkConfirmDialog {}
    }

    DropArea {
        id: dropArea
        anchors.fill: parent
        keys: ["text/uri-list"]
        onDropped: (drop) => {
            if (drop.hasUrls && drop.urls.length > 0) {
                popup.controller.summarizeFile(drop.urls[0].toString())
                drop.acceptProposedAction()
            }
        }
    }
}
