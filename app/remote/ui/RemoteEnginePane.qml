import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// Settings → Remote engine: an OpenAI-compatible server (vLLM, llama.cpp's server, another Sosoik) that
// answers instead of the local engine. Uses the context objects remoteEngine (RemoteEngineController)
// and models (ModelManager).
ColumnLayout {
    spacing: 8

    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: qsTr("Use a model on another computer, such as your team's inference server. What you type is then sent to that server: it leaves this PC.")
    }
    GridLayout {
        Layout.fillWidth: true
        columns: 2
        Label { text: qsTr("Server address") }
        TextField {
            id: urlField
            objectName: "remoteUrl"
            Layout.fillWidth: true
            placeholderText: "http://gpu-box:8000/v1"
            // Shows the saved address when that changes (a server chosen, normalized), not on every change of
            // the controller: bound to it, the field was read again with a failed listing's error and lost
            // what the user had typed (seen under Xvfb).
            property string saved: RemoteEngine.url
            onSavedChanged: text = saved
            Component.onCompleted: text = saved
            inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
        }
        Label { text: qsTr("API key") }
        TextField {
            id: keyField
            objectName: "remoteKey"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: RemoteEngine.hasKey ? qsTr("(saved; type to replace)") : qsTr("(none)")
        }
        Label { text: qsTr("Model") }
        RowLayout {
            Layout.fillWidth: true
            ComboBox {
                id: modelChoice
                objectName: "remoteModel"
                Layout.fillWidth: true
                editable: true // a name can be typed when the server does not list its models
                model: RemoteEngine.availableModels.length > 0 ? RemoteEngine.availableModels
                       : (RemoteEngine.model !== "" ? [RemoteEngine.model] : [])
            }
            Button {
                objectName: "remoteFetch"
                text: RemoteEngine.fetching ? qsTr("Asking…") : qsTr("List models")
                enabled: urlField.text.length > 0 && !RemoteEngine.fetching
                onClicked: RemoteEngine.fetchModels(urlField.text, keyField.text)
            }
        }
    }
    RowLayout {
        Button {
            objectName: "remoteConnect"
            text: qsTr("Use this server")
            enabled: urlField.text.length > 0 && !Models.loading
            onClicked: {
                RemoteEngine.connectServer(urlField.text, keyField.text, modelChoice.editText)
                keyField.text = ""
            }
        }
        Button {
            objectName: "remoteForgetKey"
            text: qsTr("Forget the key")
            visible: RemoteEngine.hasKey
            onClicked: RemoteEngine.forgetKey()
        }
    }
    Label {
        objectName: "remoteState"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: Models.usingRemote ? qsTr("In use: %1 on %2. Open a model file to answer on this PC again.")
                                       .arg(Models.current.name || "").arg(Models.current.backendName || "")
             : Models.loading && Models.loadingPath.startsWith("http") ? qsTr("Connecting…") : ""
        visible: text !== ""
    }
    Label {
        objectName: "remoteError"
        visible: text !== ""
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: Theme.errorText
        text: RemoteEngine.errorText || (Models.errorText.length > 0 && !Models.loaded ? Models.errorText : "")
    }
}
