import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sosoik

// The conversation: banners, the message list, live statistics and the input box.
Item {
    id: view
    objectName: "chatView"
    signal openModelsRequested
    property bool builtinNoticeDismissed: false
    property bool remoteNoticeDismissed: false

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Banner {
            objectName: "errorBanner"
            Layout.fillWidth: true
            kind: "error"
            text: Chat.errorText || Models.errorText
            onDismissed: {
                Chat.dismissError()
                Models.dismissError()
            }
        }
        Banner {
            objectName: "noticeBanner"
            Layout.fillWidth: true
            kind: "notice"
            text: Chat.noticeText
            onDismissed: Chat.dismissNotice()
        }

        // A built-in small model answers (first launch): say so and lead to a bigger one.
        Banner {
            objectName: "builtinModelBanner"
            Layout.fillWidth: true
            kind: "notice"
            text: Models.usingBuiltin && !view.builtinNoticeDismissed
                  ? qsTr("Built-in small model — get a bigger one") : ""
            actionText: qsTr("Models…")
            onActionClicked: view.openModelsRequested()
            onDismissed: view.builtinNoticeDismissed = true
        }

        // A remote engine answers: what the user types leaves this PC (Settings → Remote engine).
        Banner {
            objectName: "remoteEngineBanner"
            Layout.fillWidth: true
            kind: "notice"
            text: Models.usingRemote && !view.remoteNoticeDismissed
                  ? qsTr("Answered by the server %1 — what you type leaves this PC.").arg(Models.current.backendName || "")
                  : ""
            onDismissed: view.remoteNoticeDismissed = true
        }

        ListView {
            id: list
            objectName: "messageList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            topMargin: 12
            bottomMargin: 12
            model: Chat.messages
            reuseItems: false
            // Follow a streaming answer only while the reader is at the bottom.
            property bool pinned: true
            onMovementEnded: pinned = atYEnd
            onContentHeightChanged: if (pinned) positionViewAtEnd()
            onCountChanged: {
                pinned = true
                positionViewAtEnd()
            }
            ScrollBar.vertical: ScrollBar {}
            delegate: MessageDelegate {
                width: ListView.view.width
            }

            EmptyState {
                anchors.centerIn: parent
                width: Math.min(parent.width - 48, 520)
                visible: list.count === 0
            }
        }

        StatsBar {
            Layout.fillWidth: true
        }

        InputBar {
            id: input
            Layout.fillWidth: true
        }
    }

    Component.onCompleted: input.focusInput()
}
