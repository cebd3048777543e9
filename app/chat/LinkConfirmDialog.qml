import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// Asked before any link in a message opens: the full address as it will be opened (a link's text can
// say anything), Open for http/https/mailto only, Copy for everything. Created on demand over the
// window's overlay and destroyed when closed. Context object: links (LinkGuard).
Dialog {
    id: dialog
    objectName: "linkConfirmDialog"
    required property string url
    readonly property bool allowed: Links.canOpen(url)
    readonly property string shownUrl: Links.displayUrl(url)

    title: qsTr("Open this link?")
    modal: true
    anchors.centerIn: parent
    width: Math.min(560, parent ? parent.width - 24 : 560)
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    onClosed: destroy()

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: dialog.allowed
                  ? qsTr("Your web browser or mail program will open this address. Sosoik itself stays offline.")
                  : qsTr("Sosoik opens only web (http, https) and e-mail (mailto) links. You can copy this one.")
        }
        TextArea {
            objectName: "linkConfirmUrl"
            Layout.fillWidth: true
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.WrapAnywhere
            textFormat: TextEdit.PlainText
            font.family: "Noto Sans Mono CJK KR"
            text: dialog.shownUrl
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "linkConfirmOpen"
            text: qsTr("Open link")
            visible: dialog.allowed
            enabled: dialog.allowed
            // Dialog's name for the same enum: Qt 6.4's qmllint knows the roles only there
            DialogButtonBox.buttonRole: Dialog.AcceptRole
        }
        Button {
            objectName: "linkConfirmCopy"
            text: qsTr("Copy link")
            DialogButtonBox.buttonRole: Dialog.ActionRole
            onClicked: {
                Links.copy(dialog.shownUrl)
                dialog.close()
            }
        }
        Button {
            objectName: "linkConfirmCancel"
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: Dialog.RejectRole
        }
    }
    onAccepted: if (dialog.allowed) Links.open(dialog.url)
}
