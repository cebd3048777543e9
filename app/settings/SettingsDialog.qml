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
    // Our own button, not standardButtons: Qt's "Close" is translated only with Qt's own catalogue,
    // which Sosoik does not ship (issue #13: it stayed English in the Korean UI).
    footer: DialogButtonBox {
        Button {
            objectName: "closeButton"
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

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
                        // The model is rebuilt when the language changes (its qsTr): choose the entry again
                        // (issue #13: the box fell back to "System default" after switching to 한국어).
                        function showChoice() { currentIndex = Math.max(0, indexOfValue(appSettings.language)) }
                        Component.onCompleted: showChoice()
                        onModelChanged: showChoice()
                        onActivated: appSettings.language = currentValue
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
                        function showChoice() { currentIndex = Math.max(0, indexOfValue(appSettings.colorScheme)) }
                        Component.onCompleted: showChoice()
                        onModelChanged: showChoice()
                        onActivated: appSettings.colorScheme = currentValue
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

            GroupBox {
                title: qsTr("Models")
                Layout.fillWidth: true
                visible: typeof library !== "undefined" // set by the shell (app/models)
                Loader {
                    width: parent.width
                    active: parent.visible
                    source: "qrc:/qml/models/ModelsFolderPane.qml"
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
                title: qsTr("Remote engine (OpenAI-compatible server)")
                Layout.fillWidth: true
                visible: typeof remoteEngine !== "undefined" // set by the shell (app/remote/ui)
                Loader {
                    width: parent.width
                    active: parent.visible
                    source: "qrc:/qml/remote/ui/RemoteEnginePane.qml"
                }
            }

            GroupBox {
                title: qsTr("Local API server")
                Layout.fillWidth: true
                visible: typeof apiServer !== "undefined" // set by the shell (app/server/ui)
                Loader {
                    width: parent.width
                    active: parent.visible
                    source: "qrc:/qml/server/ui/ServerSettingsPane.qml"
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
                    RowLayout {
                        Label { text: qsTr("Seed") }
                        SpinBox {
                            objectName: "seedField"
                            from: 0
                            to: 2147483647
                            editable: true
                            value: appSettings.seed
                            onValueModified: appSettings.seed = value
                        }
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            opacity: 0.7
                            text: qsTr("0: a new answer every time (Regenerate). Another number repeats the same answer.")
                        }
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
