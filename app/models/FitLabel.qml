import QtQuick
import QtQuick.Controls
import Sosoik

// How well a model fits this computer (ModelLibrary's fit: "fits", "shorter" context, or too big),
// in the theme's colour for it. Shared by the Models page's two tabs.
Label {
    objectName: "fitLabel"
    property string fit
    color: fit === "fits" ? Theme.successText : fit === "shorter" ? Theme.warningText : Theme.errorText
}
