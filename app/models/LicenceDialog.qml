import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// Asked before a model whose licence restricts use (EXAONE: non-commercial; Llama, Gemma: their
// own terms) is downloaded. `row` is the catalog row (title, licence, licenceUrl, nonCommercial).
Dialog {
    id: dialog
    objectName: "licenceDialog"
    property var row: ({})
    title: qsTr("Licence of %1").arg(row.title || "")
    modal: true
    width: Math.min(520, parent ? parent.width - 40 : 520)

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("%1 is published under the %2.").arg(dialog.row.title || "").arg(dialog.row.licence || "")
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: !!dialog.row.nonCommercial
            font.bold: true
            color: Theme.errorText
            text: qsTr("It allows non-commercial use only: research, study and personal use, not work for a business.")
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            textFormat: Text.StyledText
            text: qsTr("Read it before downloading: %1").arg("<a href=\"" + (dialog.row.licenceUrl || "") + "\">"
                                                              + (dialog.row.licenceUrl || "") + "</a>")
            onLinkActivated: (link) => Qt.openUrlExternally(link)
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "acceptLicence"
            text: qsTr("Accept and download")
            highlighted: true
            // Dialog's name for the same enum: Qt 6.4's qmllint knows the roles only there
            DialogButtonBox.buttonRole: Dialog.AcceptRole
        }
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: Dialog.RejectRole
        }
    }
}
