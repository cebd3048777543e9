import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// One row of the conversation list: title (or "New chat"), highlighted when open. A click opens it;
// a right click or the "⋯" button asks for the context menu.
ItemDelegate {
    id: row
    required property var conversationId
    required property string title
    required property string kind
    required property int index
    property bool current: false
    signal menuRequested(var conversationId, string title, Item anchor)

    width: ListView.view ? ListView.view.width : implicitWidth
    highlighted: current
    // Fusion draws the open row in the highlight colour; its own labels (and the ⋯ button) would keep the
    // window's text colour on it: dark on blue under Xvfb, about 2.6:1. The highlight's text colour instead.
    palette.windowText: highlighted ? Theme.accentText : Theme.windowText
    palette.buttonText: highlighted ? Theme.accentText : Theme.windowText
    Accessible.name: displayTitle

    readonly property string displayTitle: title.length > 0 ? title : qsTr("New chat")

    contentItem: RowLayout {
        spacing: 6
        Label {
            visible: row.kind !== "chat"
            text: row.kind === "document" ? "▤" : "⚡" // in Noto CJK / DejaVu: no emoji font is a dependency (tst_qml_glyphs)
            Accessible.ignored: true
        }
        Label {
            Layout.fillWidth: true
            text: row.displayTitle
            elide: Text.ElideRight
            font.italic: row.title.length === 0
        }
        ToolButton {
            objectName: "conversationMenuButton"
            text: "⋯"
            visible: row.hovered || row.current || row.activeFocus
            padding: 2
            Accessible.name: qsTr("Conversation actions")
            onClicked: row.menuRequested(row.conversationId, row.title, this)
        }
    }

    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: row.menuRequested(row.conversationId, row.title, row)
    }
    Keys.onMenuPressed: row.menuRequested(row.conversationId, row.title, row)
}
