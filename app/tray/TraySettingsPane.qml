import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// Settings → Tray and shortcut. Uses the context objects hotkeySettings and backgroundSettings
// (set by TrayIntegration).
ColumnLayout {
    spacing: 8

    HotkeySettingsPane {
        Layout.fillWidth: true
        hotkey: HotkeySettings
    }
    Label {
        visible: !BackgroundSettings.trayAvailable
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: qsTr("No system tray is available on this desktop, so Sosoik quits when its window closes.")
    }
    ThemedCheckBox {
        objectName: "closeToTray"
        enabled: BackgroundSettings.trayAvailable
        text: qsTr("Keep running in the tray when the window is closed")
        checked: BackgroundSettings.closeToTray
        onToggled: BackgroundSettings.closeToTray = checked
    }
    ThemedCheckBox {
        objectName: "startMinimized"
        enabled: BackgroundSettings.trayAvailable
        text: qsTr("Start minimized to the tray")
        checked: BackgroundSettings.startMinimized
        onToggled: BackgroundSettings.startMinimized = checked
    }
    ThemedCheckBox {
        objectName: "startAtLogin"
        text: qsTr("Start Sosoik when I log in")
        checked: BackgroundSettings.startAtLogin
        onToggled: BackgroundSettings.startAtLogin = checked
    }
    Label {
        visible: text !== ""
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.errorText
        text: BackgroundSettings.errorString
    }
}
