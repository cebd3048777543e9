import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import "../chat"
import "../dialogs"
import "../documents"
import "../models"
import "../settings"

// The main window: conversations on the left, the chat in the middle, the model and
// settings in the tool bar. Context objects: chat, models, appSettings, language, appInfo
// (and history, when the history feature is wired).
ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1100
    height: 720
    minimumWidth: 640
    minimumHeight: 420
    visible: true
    title: chat && chat.title ? qsTr("%1 — Sosoik").arg(chat.title) : qsTr("Sosoik")

    readonly property bool wired: typeof chat !== "undefined" && chat !== null
    readonly property bool hasHistory: typeof history !== "undefined" && history !== null
    readonly property bool hasSummaries: typeof summaries !== "undefined" && summaries !== null
    readonly property bool hasLibrary: typeof library !== "undefined" && library !== null

    // The Models page, on the "Get models" tab when asked for a download.
    function openModelsPage(catalog) {
        if (!modelsPageLoader.item) return
        modelsPageLoader.item.currentTab = catalog ? 1 : 0
        modelsPageLoader.item.open()
    }

    font.family: "Noto Sans CJK KR"

    Shortcut {
        sequence: "Ctrl+N"
        enabled: window.wired
        onActivated: chat.newConversation()
    }
    Shortcut {
        sequence: "Ctrl+O"
        enabled: window.wired
        onActivated: modelPicker.open()
    }
    Shortcut {
        sequence: "Ctrl+Shift+M"
        enabled: window.hasLibrary
        onActivated: window.openModelsPage(false)
    }
    Shortcut {
        sequence: "Ctrl+Shift+O"
        enabled: window.hasSummaries
        onActivated: documentDialog.open()
    }
    Shortcut {
        sequence: "Ctrl+,"
        enabled: window.wired
        onActivated: settingsDialog.open()
    }
    // Ctrl+F (search conversations) belongs to the history sidebar; a second one here would be ambiguous.
    Shortcut {
        sequence: "Ctrl+B"
        onActivated: sidebar.visible = !sidebar.visible
    }

    header: ToolBar {
        visible: window.wired
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 6
            anchors.rightMargin: 6
            spacing: 6
            ToolButton {
                objectName: "sidebarToggle"
                text: "☰"
                onClicked: sidebar.visible = !sidebar.visible
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Show or hide conversations (Ctrl+B)")
            }
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                font.bold: true
                text: window.wired && chat.title ? chat.title : qsTr("New conversation")
            }
            ToolButton {
                objectName: "openDocumentButton"
                text: qsTr("Open document…")
                visible: window.hasSummaries
                onClicked: documentDialog.open()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Summarize a PDF, Word, Hangul, HTML or text file (Ctrl+Shift+O); or drop files here")
            }
            ModelButton {
                objectName: "modelButton"
                onClicked: modelPicker.open()
            }
            ToolButton {
                objectName: "cancelLoadButton"
                text: "✕"
                visible: models.loading
                onClicked: models.cancelLoad()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Stop loading this model")
            }
            ToolButton {
                objectName: "modelsPageButton"
                text: qsTr("Models")
                visible: window.hasLibrary
                onClicked: window.openModelsPage(false)
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Models on this computer and downloads (Ctrl+Shift+M)")
            }
            ToolButton {
                objectName: "conversationSettingsButton"
                text: qsTr("Conversation")
                onClicked: conversationSettings.open()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("System prompt and sampling for this conversation")
            }
            ToolButton {
                objectName: "settingsButton"
                text: "⚙"
                onClicked: settingsDialog.open()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Settings (Ctrl+,)")
            }
        }
    }

    Label {
        visible: !window.wired
        anchors.centerIn: parent
        text: qsTr("Sosoik — open a model to start chatting")
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        visible: window.wired

        Pane {
            id: sidebar
            objectName: "sidebar"
            Layout.fillHeight: true
            Layout.preferredWidth: 260
            padding: 0
            Loader {
                id: sidebarLoader
                anchors.fill: parent
                active: window.wired
                source: window.hasHistory ? "qrc:/qml/history/HistorySidebar.qml" : "qrc:/qml/chat/NewChatPanel.qml"
            }
        }
        ToolSeparator {
            Layout.fillHeight: true
            visible: sidebar.visible
            padding: 0
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0
            SummaryProgressBar {
                Layout.fillWidth: true
                controller: window.hasSummaries ? summaries : null
            }
            Label {
                objectName: "summaryErrorText"
                Layout.fillWidth: true
                Layout.margins: 8
                visible: window.hasSummaries && summaries.errorText !== ""
                text: window.hasSummaries ? summaries.errorText : ""
                color: "firebrick"
                wrapMode: Text.Wrap
            }
            Loader {
                id: chatLoader
                Layout.fillWidth: true
                Layout.fillHeight: true
                active: window.wired
                sourceComponent: ChatView {
                    onOpenModelsRequested: window.hasLibrary ? window.openModelsPage(true) : modelPicker.open()
                }
            }
        }
    }

    // Dropping files anywhere on the window summarizes each one in a new conversation; a dropped
    // .gguf is a model and is loaded instead.
    DropOverlay {
        anchors.fill: parent
        enabled: window.hasSummaries
        onFilesDropped: (urls) => {
            const documents = []
            let model = null
            for (let i = 0; i < urls.length; ++i) {
                if (/\.gguf$/i.test(urls[i].toString())) model = urls[i]
                else documents.push(urls[i])
            }
            if (model !== null && window.wired) models.load(model)
            if (documents.length > 0) summaries.summarizeUrls(documents)
        }
    }
    SafeFileDialog {
        id: documentDialog
        objectName: "documentFileDialog"
        title: qsTr("Open a document to summarize")
        fileMode: FileDialog.OpenFiles
        nameFilters: window.hasSummaries ? summaries.nameFilters : []
        onAccepted: summaries.summarizeUrls(selectedFiles)
    }

    ModelPicker {
        id: modelPicker
        anchors.centerIn: parent
        onModelsPageRequested: window.openModelsPage(false)
    }
    Loader {
        id: modelsPageLoader
        anchors.fill: parent
        active: window.hasLibrary
        sourceComponent: ModelsPage {
            anchors.centerIn: parent
        }
    }
    SettingsDialog {
        id: settingsDialog
        anchors.centerIn: parent
    }
    ConversationSettingsDialog {
        id: conversationSettings
        anchors.centerIn: parent
    }
}
