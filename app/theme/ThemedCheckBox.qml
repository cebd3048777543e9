import QtQuick
import QtQuick.Controls

// Every check box of the app. Fusion (6.4) outlines an unchecked box with its window colour darkened
// (Fusion.outline: palette.window.darker(140)), whatever the palette says: 1.1:1 on the dark window, 1.7:1
// on the light one, so unchecked boxes could not be seen in dark mode. The outline here is the theme's
// control boundary (palette.mid, theme/theme_colors.h: >= 3:1 on window and base, WCAG 1.4.11); the
// keyboard focus keeps Fusion's highlight. tst_control_contrast measures it in the real Settings dialog.
CheckBox {
    id: control

    Binding {
        target: (control.indicator as Rectangle)?.border ?? null // Fusion's CheckIndicator is a Rectangle
        property: "color"
        value: control.visualFocus ? control.palette.highlight : control.palette.mid
    }
}
