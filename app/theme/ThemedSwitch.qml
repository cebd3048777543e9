import QtQuick
import QtQuick.Controls

// Every switch of the app. Fusion's (6.4) track and handle are outlined with the window colour darkened
// (Fusion.outline: palette.window.darker(140)) whatever the palette says, and its unchecked groove is the
// window colour too: on the dark window the Settings → Global shortcut switch was a faint shape (outline
// 1.1:1). Here the track is the field colour (palette.base) outlined with the theme's control boundary
// (palette.mid, theme/theme_colors.h: >= 3:1 on window and base, WCAG 1.4.11), filled with the accent when
// on; the knob is the boundary colour when off and the accent's text colour when on, so its position reads
// in both schemes. Keyboard focus outlines the track with the highlight, as ThemedCheckBox does.
// tst_control_contrast measures it in the real Settings dialog.
Switch {
    id: control

    indicator: Rectangle {
        objectName: "switchTrack"
        implicitWidth: 40
        implicitHeight: 20
        x: control.text ? (control.mirrored ? control.width - width - control.rightPadding : control.leftPadding)
                        : control.leftPadding + (control.availableWidth - width) / 2
        y: control.topPadding + (control.availableHeight - height) / 2
        radius: height / 2
        color: control.checked ? control.palette.highlight : control.palette.base
        border.width: control.visualFocus ? 2 : 1
        border.color: control.visualFocus ? control.palette.highlight : control.palette.mid

        Rectangle {
            objectName: "switchKnob"
            readonly property real inset: 3
            width: parent.height - 2 * inset
            height: width
            radius: width / 2
            y: inset
            x: Math.max(inset, Math.min(parent.width - width - inset,
                                        control.visualPosition * parent.width - width / 2))
            color: control.checked ? control.palette.highlightedText : control.palette.mid

            Behavior on x {
                enabled: !control.down
                SmoothedAnimation { velocity: 200 }
            }
        }
    }
}
