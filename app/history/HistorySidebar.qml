pragma ComponentBehavior: Bound
import QtCore
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Sosoik

// The conversations sidebar: New chat, search across all messages, the list by last activity with
// rename / export / delete (with undo), and JSON import. Uses the singletons History
// (HistoryController) and Chat (openConversation, newConversation, conversationId).
Item {
    id: sidebar
    objectName: "historySidebar"
    implicitWidth: 260

    readonly property var historyController: History
    readonly property var chatController: Chat
    readonly property var currentConversationId: chatController ? chatController.conversationId : 0
    readonly property bool searching: historyController !== null && historyController.search.active

    // For windows that want to react beyond the chat controller (e.g. scroll to a message).
    signal conversationActivated(var conversationId, var messageId)

    function focusSearch() { searchField.forceActiveFocus(); searchField.selectAll() }

    function openConversation(conversationId, messageId) {
        if (chatController) chatController.openConversation(conversationId)
        conversationActivated(conversationId, messageId)
    }

    function startNewChat() {
        if (chatController) {
            chatController.newConversation()
        } else if (historyController) {
            const id = historyController.conversations.newConversation()
            if (id) conversationActivated(id, 0)
        }
    }

    function deleteConversation(conversationId) {
        if (!historyController.conversations.remove(conversationId)) return
        if (chatController && chatController.conversationId === conversationId) chatController.newConversation()
        undoTimer.restart()
    }

    Shortcut {
        // Qt 6.4's qmllint cannot resolve StandardKey (QtQuick exports QKeySequence's enum under that name
        // as a value type; the engine resolves it): silenced on this line only.
        sequence: StandardKey.Find // qmllint disable unqualified
        onActivated: sidebar.focusSearch()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 8
            Layout.bottomMargin: 0
            Button {
                objectName: "newChatButton"
                Layout.fillWidth: true
                text: qsTr("New chat")
                icon.name: "document-new"
                onClicked: sidebar.startNewChat()
            }
            ToolButton {
                objectName: "importButton"
                text: qsTr("Import…")
                onClicked: importDialog.open()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Import a conversation exported as JSON")
            }
        }

        TextField {
            id: searchField
            objectName: "searchField"
            Layout.fillWidth: true
            Layout.leftMargin: 8
            Layout.rightMargin: 8
            placeholderText: qsTr("Search all conversations")
            selectByMouse: true
            Accessible.name: qsTr("Search conversations")
            onTextChanged: if (sidebar.historyController) sidebar.historyController.search.query = text
            Keys.onEscapePressed: text = ""
        }

        Label {
            objectName: "errorLabel"
            Layout.fillWidth: true
            Layout.leftMargin: 8
            Layout.rightMargin: 8
            visible: text.length > 0
            text: sidebar.historyController ? sidebar.historyController.errorText : ""
            color: Theme.errorText
            wrapMode: Text.Wrap
            TapHandler { onTapped: sidebar.historyController.dismissError() }
        }

        // "Saved to <path>" after an export: it does not block anything and goes after a few seconds
        // (or on a tap); a long path wraps so it is read in full.
        Label {
            objectName: "exportNotice"
            Layout.fillWidth: true
            Layout.leftMargin: 8
            Layout.rightMargin: 8
            visible: text.length > 0
            text: sidebar.historyController ? sidebar.historyController.noticeText : ""
            color: Theme.successText
            wrapMode: Text.Wrap
            onTextChanged: if (text.length > 0) noticeTimer.restart()
            TapHandler { onTapped: sidebar.historyController.dismissNotice() }
            Timer {
                id: noticeTimer
                interval: 8000
                onTriggered: if (sidebar.historyController) sidebar.historyController.dismissNotice()
            }
        }

        // An import is checked on a worker thread, then stored in slices: the window keeps painting.
        ProgressBar {
            objectName: "importProgress"
            Layout.fillWidth: true
            Layout.leftMargin: 8
            Layout.rightMargin: 8
            visible: sidebar.historyController !== null && sidebar.historyController.importing
            value: sidebar.historyController ? sidebar.historyController.importProgress : 0
            Accessible.name: qsTr("Importing a conversation…")
        }

        ConversationList {
            id: conversationList
            objectName: "conversationList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !sidebar.searching
            clip: true
            model: sidebar.historyController ? sidebar.historyController.conversations : null
            reuseItems: true
            delegate: ConversationDelegate {
                current: conversationId === sidebar.currentConversationId
                onClicked: sidebar.openConversation(conversationId, 0)
                onMenuRequested: (id, title, anchor) => contextMenu.popupFor(id, title, anchor)
            }
            ScrollBar.vertical: ScrollBar {}

            Label {
                anchors.centerIn: parent
                visible: conversationList.count === 0
                text: qsTr("No conversations yet")
                opacity: 0.6
            }
        }

        ListView {
            id: resultList
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: sidebar.searching
            clip: true
            model: sidebar.historyController ? sidebar.historyController.search : null
            delegate: SearchResultDelegate {
                onClicked: sidebar.openConversation(conversationId, messageId)
            }
            ScrollBar.vertical: ScrollBar {}

            Label {
                anchors.centerIn: parent
                width: parent.width - 16
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                visible: resultList.count === 0
                text: qsTr("No messages match “%1”").arg(searchField.text.trim())
                opacity: 0.6
            }
        }

        Frame {
            objectName: "undoBar"
            Layout.fillWidth: true
            Layout.margins: 8
            visible: sidebar.historyController !== null && sidebar.historyController.conversations.canUndo
            RowLayout {
                anchors.fill: parent
                Label {
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    text: {
                        const t = sidebar.historyController ? sidebar.historyController.conversations.undoTitle : ""
                        return qsTr("Deleted “%1”").arg(t.length > 0 ? t : qsTr("New chat"))
                    }
                }
                Button {
                    objectName: "undoButton"
                    text: qsTr("Undo")
                    onClicked: {
                        const id = sidebar.historyController.conversations.undoRemove()
                        if (!sidebar.historyController.conversations.canUndo) undoTimer.stop()
                    }
                }
            }
        }
    }

    // Undo stays offered for a while after the last delete; the rows stay in the trash until purged.
    Timer {
        id: undoTimer
        interval: 15000
        onTriggered: if (sidebar.historyController) sidebar.historyController.conversations.clearUndo()
    }

    Menu {
        id: contextMenu
        objectName: "conversationMenu"
        property var conversationId: 0
        property string conversationTitle: ""
        function popupFor(id, title, anchor) {
            conversationId = id
            conversationTitle = title
            popup(anchor)
        }
        MenuItem {
            objectName: "renameAction"
            text: qsTr("Rename…")
            onTriggered: renameDialog.openFor(contextMenu.conversationId, contextMenu.conversationTitle)
        }
        MenuItem {
            text: qsTr("Export as Markdown…")
            onTriggered: exportDialog.openFor(contextMenu.conversationId, "markdown")
        }
        MenuItem {
            text: qsTr("Export as JSON…")
            onTriggered: exportDialog.openFor(contextMenu.conversationId, "json")
        }
        MenuSeparator {}
        MenuItem {
            objectName: "deleteAction"
            text: qsTr("Delete")
            onTriggered: sidebar.deleteConversation(contextMenu.conversationId)
        }
    }

    Dialog {
        id: renameDialog
        objectName: "renameDialog"
        property var conversationId: 0
        function openFor(id, title) {
            conversationId = id
            renameField.text = title
            open()
            renameField.forceActiveFocus()
            renameField.selectAll()
        }
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("Rename conversation")
        footer: DialogButtonBox {
            Button {
                text: qsTr("OK")
                // Dialog's name for the same enum: Qt 6.4's qmllint knows the roles only there
                DialogButtonBox.buttonRole: Dialog.AcceptRole
            }
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: Dialog.RejectRole
            }
        }
        TextField {
            id: renameField
            objectName: "renameField"
            implicitWidth: 280
            selectByMouse: true
            placeholderText: qsTr("Conversation name")
            onAccepted: renameDialog.accept()
        }
        onAccepted: {
            if (renameField.text.trim().length > 0)
                sidebar.historyController.conversations.rename(conversationId, renameField.text)
        }
    }

    SafeFileDialog {
        id: exportDialog
        objectName: "exportFileDialog"
        property var conversationId: 0
        property string format: "markdown"
        function openFor(id, fmt) {
            conversationId = id
            format = fmt
            currentFolder = sidebar.historyController.exportFolder()
            selectedFile = currentFolder + "/" + sidebar.historyController.suggestedFileName(id, fmt)
            open()
        }
        title: format === "json" ? qsTr("Export conversation as JSON") : qsTr("Export conversation as Markdown")
        fileMode: FileDialog.SaveFile
        nameFilters: format === "json" ? [qsTr("JSON files (*.json)")] : [qsTr("Markdown files (*.md)")]
        onAccepted: sidebar.historyController.exportConversation(conversationId, selectedFile, format)
    }

    SafeFileDialog {
        id: importDialog
        objectName: "importFileDialog"
        title: qsTr("Import a conversation")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Sosoik conversation (*.json)")]
        onAccepted: {
            const id = sidebar.historyController.importConversation(selectedFile)
            if (id) sidebar.openConversation(id, 0)
        }
    }
}
