import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Sosoik

// The main window: conversations on the left, the chat in the middle, the model and
// settings in the tool bar. C++ objects: the module's singletons (Chat, Models, Library, Summaries,
// History, ...; app/shell/qml_types.h).
ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1100
    height: 720
    minimumWidth: 640
    minimumHeight: 420
    visible: true
    title: Chat.title ? qsTr("%1 — Sosoik").arg(Chat.title) : qsTr("Sosoik")

    // The Models page, on the "Get models" tab when asked for a download.
    function openModelsPage(catalog) {
        modelsPage.currentTab = catalog ? 1 : 0
        modelsPage.open()
    }

    font.family: "Noto Sans CJK KR"

    Shortcut {
        sequence: "Ctrl+N"
        onActivated: Chat.newConversation()
    }
    Shortcut {
        sequence: "Ctrl+O"
        onActivated: modelPicker.open()
    }
    Shortcut {
        sequence: "Ctrl+Shift+M"
        onActivated: window.openModelsPage(false)
    }
    Shortcut {
        sequence: "Ctrl+Shift+O"
        onActivated: documentDialog.open()
    }
    Shortcut {
        sequence: "Ctrl+,"
        onActivated: settingsDialog.open()
    }
    // Ctrl+F (search conversations) belongs to the history sidebar; a second one here would be ambiguous.
    Shortcut {
        sequence: "Ctrl+B"
        onActivated: sidebar.visible = !sidebar.visible
    }

    header: ToolBar {
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
                objectName: "conversationTitle"
                Layout.fillWidth: true
                // In a narrow window the model button's name is elided before the title is: at 640 px a
                // long model name left the title 19 px ("s…").
                Layout.minimumWidth: Math.min(implicitWidth, 140)
                elide: Text.ElideRight
                font.bold: true
                text: Chat.title ? Chat.title : qsTr("New conversation")
            }
            ToolButton {
                objectName: "openDocumentButton"
                text: qsTr("Open document…")
                onClicked: documentDialog.open()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Summarize a PDF, Word, Hangul, HTML or text file (Ctrl+Shift+O); or drop files here")
            }
            ModelButton {
                objectName: "modelButton"
                // Shrinks (a tool bar layout keeps a button that does not fill at its width) to 60 px,
                // still a button to click, its name elided in the middle; never wider than its name.
                Layout.fillWidth: true
                Layout.minimumWidth: 60
                Layout.maximumWidth: implicitWidth
                onClicked: modelPicker.open()
            }
            ToolButton {
                objectName: "cancelLoadButton"
                text: "✕"
                visible: Models.loading
                onClicked: Models.cancelLoad()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Stop loading this model")
            }
            ToolButton {
                objectName: "modelsPageButton"
                text: qsTr("Models")
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

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Pane {
            id: sidebar
            objectName: "sidebar"
            Layout.fillHeight: true
            Layout.preferredWidth: 260
            padding: 0
            HistorySidebar {
                anchors.fill: parent
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
                controller: Summaries
            }
            Label {
                objectName: "summaryErrorText"
                Layout.fillWidth: true
                Layout.margins: 8
                visible: Summaries.errorText !== ""
                text: Summaries.errorText
                color: "firebrick"
                wrapMode: Text.Wrap
            }
            ChatView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                onOpenModelsRequested: window.openModelsPage(true)
            }
        }
    }

    // Dropping files anywhere on the window summarizes each one in a new conversation; a dropped
    // .gguf is a model and is loaded instead.
    DropOverlay {
        anchors.fill: parent
        onFilesDropped: (urls) => {
            const documents = []
            let model = null
            for (let i = 0; i < urls.length; ++i) {
                if (/\.gguf$/i.test(urls[i].toString())) model = urls[i]
                else documents.push(urls[i])
            }
            if (model !== null) Models.load(model)
            if (documents.length > 0) Summaries.summarizeUrls(documents)
        }
    }
    SafeFileDialog {
        id: documentDialog
        objectName: "documentFileDialog"
        purpose: "documents"
        title: qsTr("Open a document to summarize")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("Documents (%1)").arg(Summaries.documentPatterns), qsTr("All files (*)")]
        onAccepted: Summaries.summarizeUrls(selectedFiles)
    }

    ModelPicker {
        id: modelPicker
        anchors.centerIn: parent
        onModelsPageRequested: window.openModelsPage(false)
    }
    ModelsPage {
        id: modelsPage
        anchors.centerIn: parent
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
