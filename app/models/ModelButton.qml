import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Tool-bar button naming the loaded model; shows load progress while a model loads.
ToolButton {
    id: button
    implicitWidth: Math.min(340, content.implicitWidth + 24)
    contentItem: RowLayout {
        id: content
        spacing: 6
        Label {
            Layout.fillWidth: true
            elide: Text.ElideMiddle
            text: models.loading ? qsTr("Loading %1…").arg(models.loadingPath.split("/").pop())
                  : models.loaded && models.usingRemote ? qsTr("%1 · remote — leaves this PC").arg(models.current.name)
                  : models.loaded ? models.current.name + (models.current.quantization ? " · " + models.current.quantization : "")
                  : qsTr("Open a model…")
        }
        ProgressBar {
            visible: models.loading
            Layout.preferredWidth: 80
            value: models.progress
        }
    }
    ToolTip.visible: hovered
    ToolTip.text: models.loaded ? qsTr("%1 on %2").arg(models.current.path).arg(models.current.backendName)
                                : qsTr("Choose a model (Ctrl+O)")
}
