import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// Settings → Global shortcut. `hotkey` is a HotkeySettings object from C++.
ColumnLayout {
    id: pane
    required property var hotkey
    // The C++ object goes before this pane when a window closes: the bindings read these, not it.
    readonly property bool hotkeyEnabled: hotkey ? hotkey.enabled : false
    readonly property bool hotkeyAvailable: hotkey ? hotkey.available : false
    spacing: 8

    SystemPalette { id: systemPalette }

    Label {
        text: qsTr("Global shortcut")
        font.bold: true
    }
    RowLayout {
        ThemedSwitch {
            id: enabledSwitch
            objectName: "hotkeyEnabled"
            text: qsTr("Open the quick query from any application")
            checked: pane.hotkeyEnabled
            enabled: pane.hotkeyAvailable
            onToggled: pane.hotkey.enabled = checked
        }
    }
    RowLayout {
        enabled: pane.hotkeyAvailable && pane.hotkeyEnabled
        Button {
            id: recorder
            objectName: "hotkeyRecorder"
            property bool recording: false
            text: recording ? qsTr("Press the new shortcut…") : (pane.hotkey ? pane.hotkey.sequence : "")
            onClicked: { recording = true; forceActiveFocus() }
            Keys.onPressed: (event) => {
                if (!recording) return
                event.accepted = true
                if (event.key === Qt.Key_Escape) { recording = false; return }
                // Wait for the real key: a lone modifier press is only the start of the chord.
                if ([Qt.Key_Control, Qt.Key_Shift, Qt.Key_Alt, Qt.Key_Meta].indexOf(event.key) >= 0) return
                pane.hotkey.setFromKeyEvent(event.key, event.modifiers)
                recording = false
            }
            onActiveFocusChanged: if (!activeFocus) recording = false
        }
        Button {
            text: qsTr("Default")
            onClicked: pane.hotkey.resetToDefault()
        }
    }
    Label {
        objectName: "hotkeyStatus"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: pane.hotkey ? pane.hotkey.status : ""
        color: !pane.hotkey || pane.hotkey.active || !pane.hotkeyEnabled ? systemPalette.windowText : Theme.errorText
    }
}
