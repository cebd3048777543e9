import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One search hit: the conversation's title and the matching excerpt with the matches in bold.
ItemDelegate {
    id: hit
    required property var conversationId
    required property var messageId
    required property string title
    required property string snippet
    required property string role
    required property bool isTitleMatch

    width: ListView.view ? ListView.view.width : implicitWidth
    Accessible.name: (title.length > 0 ? title : qsTr("New chat")) + ": " + snippet

    contentItem: ColumnLayout {
        spacing: 2
        Label {
            Layout.fillWidth: true
            text: hit.title.length > 0 ? hit.title : qsTr("New chat")
            font.bold: true
            elide: Text.ElideRight
            visible: !hit.isTitleMatch
        }
        Label {
            objectName: "snippet"
            Layout.fillWidth: true
            // The snippet is HTML-escaped text with <b> around matches (built in C++).
            textFormat: Text.StyledText
            text: hit.snippet
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            visible: !hit.isTitleMatch
            text: hit.role === "user" ? qsTr("You") : hit.role === "assistant" ? qsTr("Assistant") : hit.role
            opacity: 0.6
            font.pointSize: Math.max(1, hit.font.pointSize - 1) // the snippet's size (the delegate's font)
        }
    }
}
