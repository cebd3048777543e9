import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../documents"

// App-wide settings: language, engine device, and the defaults new conversations start from.
Dialog {
    id: dialog
    objectName: "settingsDialog"
    title: qsTr("Settings")
    modal: true
    width: Math.min(620, parent ? parent.width - 40 : 620)
    standardButtons: Dialog.Close

    ScrollView {
        anchors.fill: parent
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
                        Component.onCompleted: currentIndex = Math.max(0, indexOfValue(appSettings.language))
                        onActivated: appSettings.language = currentValue
                    }
                    Label { text: qsTr("Reopen the last model at start") }
                    CheckBox {
                        checked: appSettings.reopenLastModel
                        onToggled: appSettings.reopenLastModel = checked
                    }
                    Label { text: qsTr("Data folder") }
                    Label {
                        Layout.fillWidth: true
                        elide: Text.ElideMiddle
                        text: appInfo.dataDir
                    }
                }
            }

            SummarySettings {
                Layout.fillWidth: true
                controller: typeof summaries !== "undefined" ? summaries : null
                visible: controller !== null
            }

            GroupBox {
                title: qsTr("Tray and global shortcut")
                Layout.fillWidth: true
                visible: typeof hotkeySettings !== "undefined" // set by the tray feature (TrayIntegration)
                Loader {
                    width: parent.width
                    active: parent.visible
                    source: "qrc:/qml/tray/TraySettingsPane.qml"
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
                            systemPrompt: appSettings.systemPrompt,
                            temperature: appSettings.temperature,
                            topP: appSettings.topP,
                            topK: appSettings.topK,
                            maxNewTokens: appSettings.maxNewTokens,
                            contextLength: appSettings.contextLength
                        })
                        onEdited: (name, value) => appSettings[name] = value
                    }
                    Button {
                        text: qsTr("Restore defaults")
                        onClicked: appSettings.resetGenerationDefaults()
                    }
                }
            }
        }
    }
}
