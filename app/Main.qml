import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1100
    height: 720
    minimumWidth: 640
    minimumHeight: 420
    visible: true
    title: qsTr("Sosoik")

    Label {
        anchors.centerIn: parent
        text: qsTr("Sosoik — open a model to start chatting")
    }
}
