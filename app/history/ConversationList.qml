import QtQuick
import QtQuick.Controls

// The conversations by last activity, under a heading per age (Today, Yesterday, Previous 7 days,
// Older; ConversationListModel's ageGroup role). A file of its own because HistorySidebar says `pragma
// ComponentBehavior: Bound` (its delegates use its ids) and Qt 6.4 creates a ListView's section
// headings outside their creation context, which a bound Component refuses ("Component is not ready":
// no headings); this file's Components are not bound.
ListView {
    section.property: "ageGroup"
    section.delegate: Label {
        required property string section
        leftPadding: 10
        topPadding: 8
        opacity: 0.7
        font.bold: true
        text: section === "today" ? qsTr("Today") : section === "yesterday" ? qsTr("Yesterday")
            : section === "week" ? qsTr("Previous 7 days") : qsTr("Older")
    }
}
