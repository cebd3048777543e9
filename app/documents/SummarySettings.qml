// Settings of document summaries: the summary's language and its length, and how much text is read at
// most from one document (a bound against hostile files).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

GroupBox {
    id: box
    objectName: "summarySettings"
    property var controller: null
    title: qsTr("Document summaries")

    GridLayout {
        anchors.fill: parent
        columns: 2
        Label { text: qsTr("Summary language") }
        ComboBox {
            objectName: "summaryLanguageChoice"
            Layout.fillWidth: true
            textRole: "label"
            valueRole: "code"
            model: [
                { code: "auto", label: qsTr("Same as the document") },
                { code: "en", label: "English" },
                { code: "ko", label: "한국어" }
            ]
            Component.onCompleted: currentIndex = box.controller ? Math.max(0, indexOfValue(box.controller.language)) : 0
            onActivated: if (box.controller) box.controller.language = currentValue
        }
        Label { text: qsTr("Summary length (words)") }
        SpinBox {
            objectName: "summaryWords"
            from: 20
            to: 2000
            stepSize: 50
            editable: true
            value: box.controller ? box.controller.targetWords : 200
            onValueModified: if (box.controller) box.controller.targetWords = value
        }
        Label { text: qsTr("Most text read from one document (million characters)") }
        SpinBox {
            objectName: "summaryMaxText"
            from: 1
            to: 500
            stepSize: 10
            editable: true
            value: box.controller ? box.controller.maxTextMillions : 50
            onValueModified: if (box.controller) box.controller.maxTextMillions = value
        }
    }
}
