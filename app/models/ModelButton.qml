import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// Tool-bar button naming the loaded model; shows load progress while a model loads.
ToolButton {
    id: button
    implicitWidth: Math.min(340, contentItem.implicitWidth + 24)
    contentItem: RowLayout {
        spacing: 6
        Label {
            objectName: "modelButtonLabel"
            Layout.fillWidth: true
            elide: Text.ElideMiddle
            text: Models.loading ? qsTr("Loading %1…").arg(Models.loadingName)
                  : Models.loaded && Models.usingRemote ? qsTr("%1 · remote — leaves this PC").arg(Models.displayName)
                  : Models.loaded ? Models.displayName + (Models.current.quantization ? " · " + Models.current.quantization : "")
                  : qsTr("Open a model…")
        }
        ProgressBar {
            visible: Models.loading
            Layout.preferredWidth: 80
            value: Models.progress
        }
    }
    ToolTip.visible: hovered
    ToolTip.text: Models.loaded ? qsTr("%1 on %2").arg(Models.current.path).arg(Models.current.backendName)
                                : qsTr("Choose a model (Ctrl+O)")
}
