import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../hotkey"

// Settings → Tray and shortcut. Uses the context objects hotkeySettings and backgroundSettings
// (set by TrayIntegration).
ColumnLayout {
    spacing: 8

    HotkeySettingsPane {
        Layout.fillWidth: true
        hotkey: hotkeySettings
    }
    Label {
        visible: !backgroundSettings.trayAvailable
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: qsTr("No system tray is available on this desktop, so Sosoik quits when its window closes.")
    }
    CheckBox {
        objectName: "closeToTray"
        enabled: backgroundSettings.trayAvailable
        text: qsTr("Keep running in the tray when the window is closed")
        checked: backgroundSettings.closeToTray
        onToggled: backgroundSettings.closeToTray = checked
    }
    CheckBox {
        objectName: "startMinimized"
        enabled: backgroundSettings.trayAvailable
        text: qsTr("Start minimized to the tray")
        checked: backgroundSettings.startMinimized
        onToggled: backgroundSettings.startMinimized = checked
    }
    CheckBox {
        objectName: "startAtLogin"
        text: qsTr("Start Sosoik when I log in")
        checked: backgroundSettings.startAtLogin
        onToggled: backgroundSettings.startAtLogin = checked
    }
    Label {
        visible: text !== ""
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: theme.errorText
        text: backgroundSettings.errorString
    }
}
