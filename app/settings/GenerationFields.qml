import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The generation settings form, shared by the app-wide defaults and per-conversation settings.
// `values` holds the current numbers; every change is reported through edited(name, value).
GridLayout {
    id: form
    property var values: ({})
    // The app-wide defaults also choose the sampling seed (values.seed); a conversation has none.
    property bool seedShown: false
    signal edited(string name, var value)

    columns: 2
    columnSpacing: 12

    Label {
        Layout.alignment: Qt.AlignTop
        topPadding: 6
        text: qsTr("System prompt")
    }
    ScrollView {
        id: promptScroll
        Layout.fillWidth: true
        Layout.preferredHeight: 88
        contentWidth: availableWidth
        // Scrolls only while the prompt is longer than the box: the ScrollView (and its Flickable) took
        // the wheel even when nothing could move, so Settings, a scrolling page itself, stopped scrolling
        // under the pointer (tst_window_usability).
        readonly property bool overflows: contentHeight > availableHeight
        wheelEnabled: overflows
        Binding {
            target: promptScroll.contentItem
            property: "interactive"
            value: promptScroll.overflows
        }
        TextArea {
            objectName: "systemPromptField"
            text: form.values.systemPrompt || ""
            wrapMode: TextEdit.Wrap
            selectByMouse: true
            background: Rectangle {
                color: palette.base
                border.color: parent.activeFocus ? palette.highlight : palette.mid
                radius: 2
            }
            onEditingFinished: if (text !== (form.values.systemPrompt || "")) form.edited("systemPrompt", text)
        }
    }

    Label { text: qsTr("Temperature") }
    RowLayout {
        Slider {
            id: temperature
            objectName: "temperatureField"
            Layout.fillWidth: true
            from: 0
            to: 2
            stepSize: 0.05
            value: form.values.temperature !== undefined ? form.values.temperature : 0.7
            onMoved: form.edited("temperature", Math.round(value * 100) / 100)
        }
        Label { text: temperature.value.toFixed(2) }
    }

    Label { text: qsTr("Top-p") }
    RowLayout {
        Slider {
            id: topP
            Layout.fillWidth: true
            from: 0
            to: 1
            stepSize: 0.01
            value: form.values.topP !== undefined ? form.values.topP : 0.95
            onMoved: form.edited("topP", Math.round(value * 100) / 100)
        }
        Label { text: topP.value.toFixed(2) }
    }

    Label { text: qsTr("Top-k") }
    SpinBox {
        from: 0
        to: 1000
        editable: true
        value: form.values.topK !== undefined ? form.values.topK : 40
        onValueModified: form.edited("topK", value)
    }

    Label { text: qsTr("Max new tokens") }
    SpinBox {
        objectName: "maxNewTokensField"
        from: 1
        to: 32768
        stepSize: 64
        editable: true
        value: form.values.maxNewTokens !== undefined ? form.values.maxNewTokens : 512
        onValueModified: form.edited("maxNewTokens", value)
    }

    Label { text: qsTr("Context length") }
    SpinBox {
        from: 128
        to: 131072
        stepSize: 256
        editable: true
        value: form.values.contextLength !== undefined ? form.values.contextLength : 2048
        onValueModified: form.edited("contextLength", value)
    }

    // In the grid, not beside it: a row of its own put the seed's field out of line with the others.
    Label {
        visible: form.seedShown
        text: qsTr("Seed")
    }
    RowLayout {
        visible: form.seedShown
        spacing: 12
        SpinBox {
            objectName: "seedField"
            from: 0
            to: 2147483647
            editable: true
            value: form.values.seed !== undefined ? form.values.seed : 0
            onValueModified: form.edited("seed", value)
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            opacity: 0.7
            text: qsTr("0: a new answer every time (Regenerate). Another number repeats the same answer.")
        }
    }
}
