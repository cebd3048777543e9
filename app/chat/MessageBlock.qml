import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// One block of a message's Markdown (ChatMessageModel's segments): prose, or a code block with its
// language, a copy button and highlighting. segment is {kind, text, language}; {} shows nothing.
// A file of its own so that a block reads its segment from its typed Loader (`host`): Components shared
// by several Loaders could only reach it unqualified, through the Loader's context, and Qt 6.4's Loader
// cannot load the Components of a `pragma ComponentBehavior: Bound` file.
Loader {
    id: block
    property var segment: ({})
    sourceComponent: segment.kind === "code" ? codeBlock : prose

    // Never opened directly: LinkConfirmDialog shows the full address first.
    function confirmLink(link) {
        const dialog = linkConfirm.createObject(Overlay.overlay, {url: link}) as LinkConfirmDialog
        dialog.open()
    }

    Component {
        id: linkConfirm
        LinkConfirmDialog {}
    }

    Component {
        id: prose
        TextEdit {
            readonly property MessageBlock host: parent as MessageBlock // the Loader that made it
            text: host ? host.segment.text ?? "" : "" // the tail block is empty ({}) between answers
            textFormat: TextEdit.MarkdownText
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.Wrap
            color: Theme.text
            onLinkActivated: link => host.confirmLink(link)
        }
    }

    Component {
        id: codeBlock
        Rectangle {
            id: code
            readonly property MessageBlock host: parent as MessageBlock // the Loader that made it
            readonly property var segment: host ? host.segment : ({})
            implicitHeight: codeColumn.implicitHeight + 12
            radius: 6
            color: Theme.codeBackground
            border.color: Theme.border
            ColumnLayout {
                id: codeColumn
                x: 8
                y: 6
                width: parent.width - 16
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        text: code.segment.language || qsTr("code")
                        font.pixelSize: 11
                        color: Theme.mutedText
                    }
                    Item { Layout.fillWidth: true }
                    ToolButton {
                        objectName: "copyCode"
                        text: qsTr("Copy code")
                        font.pixelSize: 11
                        onClicked: Chat.copyToClipboard(code.segment.text)
                    }
                }
                TextEdit {
                    objectName: "codeText"
                    Layout.fillWidth: true
                    // Escaped text in colour spans (theme/code_highlighter.h); nothing in it is fetched.
                    text: Theme.codeHtml(code.segment.text, code.segment.language, Theme.dark)
                    textFormat: TextEdit.RichText
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.WrapAnywhere
                    font.family: "Noto Sans Mono CJK KR"
                    font.pixelSize: 13
                    color: Theme.codeText
                }
            }
        }
    }
}
