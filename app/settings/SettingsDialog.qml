import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// App-wide settings: language, models folder, CPU threads, and the defaults new conversations start from.
Dialog {
    id: dialog
    objectName: "settingsDialog"
    title: qsTr("Settings")
    modal: true
    width: Math.min(620, parent ? parent.width - 40 : 620)
    // No taller than the space under the tool bar (the content scrolls): at 800x600 it stood over the tool bar.
    height: Math.min(implicitHeight, parent ? parent.height - 40 : implicitHeight)
    // Our own button, not standardButtons: Qt's "Close" is translated only with Qt's own catalogue,
    // which Sosoik does not ship (issue #13: it stayed English in the Korean UI).
    footer: DialogButtonBox {
        palette: dialog.palette // see the ScrollView's
        Button {
            objectName: "closeButton"
            text: qsTr("Close")
            // Dialog's name for the same enum: Qt 6.4's qmllint knows the roles only there
            DialogButtonBox.buttonRole: Dialog.RejectRole
        }
    }

    // The title (the style's header) likewise: see the ScrollView's palette.
    Binding {
        target: dialog.header
        property: "palette"
        value: dialog.palette
    }

    ScrollView {
        anchors.fill: parent
        // Colours chosen here apply while it is open. Qt 6.4 updates an open popup's own palette on a change
        // but not its controls' (choosing Dark left dark labels on the dark dialog until it was opened again);
        // a palette set on a control reaches everything inside it.
        palette: dialog.palette
        implicitHeight: Math.min(content.implicitHeight, 520)
        contentWidth: availableWidth
        ColumnLayout {
            id: content
            width: parent.width
            spacing: 12

            GroupBox {
                title: qsTr("General")
                Layout.fillWidth: true
                GridLayout {
                    anchors.fill: parent
                    columns: 2
                    Label { text: qsTr("Language") }
                    ComboBox {
                        objectName: "languageChoice"
                        Layout.fillWidth: true
                        textRole: "label"
                        valueRole: "code"
                        // Language names are shown in their own language, so they are not translated.
                        model: [
                            { code: "", label: qsTr("System default") },
                            { code: "en", label: "English" },
                            { code: "ko", label: "한국어" }
                        ]
                        // The model is rebuilt when the language changes (its qsTr): choose the entry again
                        // (issue #13: the box fell back to "System default" after switching to 한국어).
                        function showChoice() { currentIndex = Math.max(0, indexOfValue(AppSettings.language)) }
                        Component.onCompleted: showChoice()
                        onModelChanged: showChoice()
                        onActivated: AppSettings.language = currentValue
                    }
                    Label { text: qsTr("Colours") }
                    ComboBox {
                        // The desktop's light/dark scheme, or the user's choice (theme/theme.h).
                        objectName: "colorSchemeChoice"
                        Layout.fillWidth: true
                        textRole: "label"
                        valueRole: "code"
                        model: [
                            { code: "system", label: qsTr("Like the system") },
                            { code: "light", label: qsTr("Light") },
                            { code: "dark", label: qsTr("Dark") }
                        ]
                        function showChoice() { currentIndex = Math.max(0, indexOfValue(AppSettings.colorScheme)) }
                        Component.onCompleted: showChoice()
                        onModelChanged: showChoice()
                        onActivated: AppSettings.colorScheme = currentValue
                    }
                    Label { text: qsTr("Reopen the last model at start") }
                    ThemedCheckBox {
                        checked: AppSettings.reopenLastModel
                        onToggled: AppSettings.reopenLastModel = checked
                    }
                    Label { text: qsTr("Data folder") }
                    Label {
                        Layout.fillWidth: true
                        elide: Text.ElideMiddle
                        text: AppInfo.dataDir
                    }
                }
            }

            GroupBox {
                title: qsTr("Models")
                Layout.fillWidth: true
                Loader {
                    width: parent.width
                    active: parent.visible
                    source: "../models/ModelsFolderPane.qml"
                }
            }

            CpuSettings {
                Layout.fillWidth: true
            }

            SummarySettings {
                Layout.fillWidth: true
                controller: Summaries
            }

            GroupBox {
                title: qsTr("Tray and global shortcut")
                Layout.fillWidth: true
                Loader {
                    width: parent.width
                    active: parent.visible
                    source: "../tray/TraySettingsPane.qml"
                }
            }

            GroupBox {
                title: qsTr("Remote engine (OpenAI-compatible server)")
                Layout.fillWidth: true
                Loader {
                    width: parent.width
                    active: parent.visible
                    source: "../remote/ui/RemoteEnginePane.qml"
                }
            }

            GroupBox {
                title: qsTr("Local API server")
                Layout.fillWidth: true
                Loader {
                    width: parent.width
                    active: parent.visible
                    source: "../server/ui/ServerSettingsPane.qml"
                }
            }

            GroupBox {
                title: qsTr("Defaults for conversations")
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.fill: parent
                    GenerationFields {
                        Layout.fillWidth: true
                        values: ({
                            systemPrompt: AppSettings.systemPrompt,
                            temperature: AppSettings.temperature,
                            topP: AppSettings.topP,
                            topK: AppSettings.topK,
                            maxNewTokens: AppSettings.maxNewTokens,
                            contextLength: AppSettings.contextLength,
                            seed: AppSettings.seed
                        })
                        seedShown: true
                        onEdited: (name, value) => AppSettings[name] = value
                    }
                    Button {
                        text: qsTr("Restore defaults")
                        onClicked: AppSettings.resetGenerationDefaults()
                    }
                }
            }
        }
    }
}
