import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// Settings → Local API server. Uses the context object apiServer (ServerController, set by the shell).
ColumnLayout {
    spacing: 8

    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: qsTr("Lets programs on this PC (editors, scripts, Open WebUI) use the loaded model through an OpenAI-compatible API. Only this PC can connect.")
    }
    RowLayout {
        ThemedCheckBox {
            objectName: "serverEnabled"
            text: qsTr("Serve the model on port")
            checked: ApiServer.enabled
            onToggled: ApiServer.enabled = checked
        }
        SpinBox {
            objectName: "serverPort"
            from: 1024
            to: 65535
            editable: true
            value: ApiServer.port
            // Grouping separators ("8,080") would be wrong for a port.
            textFromValue: (value) => String(value)
            valueFromText: (text) => parseInt(text)
            onValueModified: ApiServer.port = value
        }
    }
    Label {
        objectName: "serverStatus"
        visible: ApiServer.running
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: ApiServer.activeRequests > 0
              ? qsTr("Listening at %1/v1 — requests being answered: %2").arg(ApiServer.url).arg(ApiServer.activeRequests)
              : qsTr("Listening at %1/v1").arg(ApiServer.url)
    }
    Label {
        visible: text !== ""
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.errorText
        objectName: "serverError"
        text: ApiServer.errorText
    }
}
