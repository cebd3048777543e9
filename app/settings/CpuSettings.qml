import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// Settings → CPU: how many threads the CPU backend runs and whether its prompts take the faster 8-bit path
// (LoadOptions::cpuFastPrompts). Both apply when a model is loaded: a reload would throw away a model that
// took minutes to read in the middle of an answer, so the pane says so and offers the reload itself.
GroupBox {
    id: box
    objectName: "cpuSettings"
    title: qsTr("CPU")

    // The engine's automatic count (physical cores) comes with the device list, which may not be read yet.
    onVisibleChanged: if (visible && Models.physicalCores === 0) Models.refreshDevices()
    Component.onCompleted: if (Models.physicalCores === 0) Models.refreshDevices()

    ColumnLayout {
        anchors.fill: parent
        GridLayout {
            Layout.fillWidth: true
            columns: 2
            Label { text: qsTr("Threads") }
            ComboBox {
                id: threadsBox
                objectName: "cpuThreadsChoice"
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "threads"
                // Automatic, then 1 … the logical CPUs (hyper-threads included: the user may know better
                // than the topology we read), and a saved count above that (a profile from a bigger PC).
                model: {
                    const cores = Models.physicalCores
                    const items = [{ threads: 0, label: cores > 0
                                         ? qsTr("Automatic (%n physical core(s))", "", cores)
                                         : qsTr("Automatic (physical cores)") }]
                    const most = Math.max(Models.logicalCpus, AppSettings.cpuThreads)
                    for (let n = 1; n <= most; ++n)
                        items.push({ threads: n, label: n.toString() })
                    return items
                }
                function showChoice() { currentIndex = Math.max(0, indexOfValue(AppSettings.cpuThreads)) }
                Component.onCompleted: showChoice()
                onModelChanged: showChoice()
                onActivated: AppSettings.cpuThreads = currentValue
                Connections {
                    target: AppSettings
                    function onChanged() { threadsBox.showChoice() }
                }
            }
        }
        ThemedCheckBox {
            objectName: "cpuFastPrompts"
            text: qsTr("Faster prompts on the CPU (8-bit, slightly less exact)")
            checked: AppSettings.cpuFastPrompts
            onToggled: AppSettings.cpuFastPrompts = checked
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.pixelSize: 12
            opacity: 0.8
            text: qsTr("Reads long prompts and documents about 1.5× faster. Small models may then answer "
                       + "a little differently, sometimes worse. Both settings apply when a model is loaded.")
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "cpuSettingsPending"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                visible: Models.cpuSettingsPending
                text: qsTr("The loaded model still runs with the earlier choice.")
            }
            Button {
                objectName: "cpuReload"
                visible: Models.cpuSettingsPending
                enabled: !Models.loading
                text: qsTr("Reload the model")
                onClicked: Models.reloadModel()
            }
            Item { Layout.fillWidth: !Models.cpuSettingsPending }
            Button {
                objectName: "cpuRestoreDefaults"
                text: qsTr("Restore defaults")
                enabled: AppSettings.cpuThreads !== 0 || AppSettings.cpuFastPrompts
                onClicked: AppSettings.resetCpuDefaults()
            }
        }
    }
}
