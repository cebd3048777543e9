import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// Settings → Global shortcut. `hotkey` is a HotkeySettings object from C++.
ColumnLayout {
    id: pane
    required property var hotkey
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
            checked: pane.hotkey.enabled
            enabled: pane.hotkey.available
            onToggled: pane.hotkey.enabled = checked
        }
    }
    RowLayout {
        enabled: pane.hotkey.available && pane.hotkey.enabled
        Button {
            id: recorder
            objectName: "hotkeyRecorder"
            property bool recording: false
            text: recording ? qsTr("Press the new shortcut…") : pane.hotkey.sequence
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
        text: pane.hotkey.status
        color: pane.hotkey.active || !pane.hotkey.enabled ? systemPalette.windowText : Theme.errorText
    }
}
