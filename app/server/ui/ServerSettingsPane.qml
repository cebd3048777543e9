import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Settings → Local API server. Uses the context object apiServer (ServerController, set by the shell).
ColumnLayout {
    spacing: 8

    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: qsTr("Lets programs on this PC (editors, scripts, Open WebUI) use the loaded model through an OpenAI-compatible API. Only this PC can connect.")
    }
    RowLayout {
        CheckBox {
            objectName: "serverEnabled"
            text: qsTr("Serve the model on port")
            checked: apiServer.enabled
            onToggled: apiServer.enabled = checked
        }
        SpinBox {
            objectName: "serverPort"
            from: 1024
            to: 65535
            editable: true
            value: apiServer.port
            // Grouping separators ("8,080") would be wrong for a port.
            textFromValue: (value) => String(value)
            valueFromText: (text) => parseInt(text)
            onValueModified: apiServer.port = value
        }
    }
    Label {
        objectName: "serverStatus"
        visible: apiServer.running
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: apiServer.activeRequests > 0
              ? qsTr("Listening at %1/v1 — requests being answered: %2").arg(apiServer.url).arg(apiServer.activeRequests)
              : qsTr("Listening at %1/v1").arg(apiServer.url)
    }
    Label {
        visible: text !== ""
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: theme.errorText
        objectName: "serverError"
        text: apiServer.errorText
    }
}
