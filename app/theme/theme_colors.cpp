#include "theme/theme_colors.h"

#include <cmath>

namespace sosoik::app {

// Values chosen for contrast first (tests/app/theme/tst_theme.cpp checks every pair in both
// schemes); the light hues follow Windows/GitHub conventions users know (red errors, amber notices).
ThemeColors lightColors() {
    ThemeColors c;
    c.window = QColor(0xf3f3f3);
    c.windowText = QColor(0x1f1f1f);
    c.base = QColor(0xffffff);
    c.text = QColor(0x1f1f1f);
    c.mutedText = QColor(0x5a5a5a);
    c.border = QColor(0xd6d6d6);
    c.controlBorder = QColor(0x808080);
    c.accent = QColor(0x1f63b8);
    c.accentText = QColor(0xffffff);
    c.link = QColor(0x0b57d0);
    c.userBubble = QColor(0xe6f0fb);
    c.userBubbleBorder = QColor(0xc2d8f2);
    c.codeBackground = QColor(0xf6f8fa);
    c.codeText = QColor(0x1f2328);
    c.thinkingBackground = QColor(0xf4f4f5);
    c.thinkingText = QColor(0x4f5358);
    c.errorBackground = QColor(0xfde7e9);
    c.errorBorder = QColor(0xd13438);
    c.errorText = QColor(0xa4262c);
    c.warningBackground = QColor(0xfff4ce);
    c.warningBorder = QColor(0xc19c00);
    c.warningText = QColor(0x6b5300);
    c.successText = QColor(0x0e700e);
    c.badgeBackground = QColor(0xe8e8e8);
    c.badgeText = QColor(0x1f1f1f);
    c.syntaxKeyword = QColor(0xa0208e);
    c.syntaxType = QColor(0x0550ae);
    c.syntaxString = QColor(0x0a6b2b);
    c.syntaxComment = QColor(0x5c6670);
    c.syntaxNumber = QColor(0xa64100);
    return c;
}

ThemeColors darkColors() {
    ThemeColors c;
    c.window = QColor(0x1f2023);
    c.windowText = QColor(0xe8e8e8);
    c.base = QColor(0x2a2c30);
    c.text = QColor(0xe8e8e8);
    c.mutedText = QColor(0xa9aeb5);
    c.border = QColor(0x43464c);
    c.controlBorder = QColor(0x80858d);
    c.accent = QColor(0x2c66bd);
    c.accentText = QColor(0xffffff);
    c.link = QColor(0x8ab4f8);
    c.userBubble = QColor(0x233a57);
    c.userBubbleBorder = QColor(0x34537a);
    c.codeBackground = QColor(0x17191c);
    c.codeText = QColor(0xe6e6e6);
    c.thinkingBackground = QColor(0x24262a);
    c.thinkingText = QColor(0xb0b5bc);
    c.errorBackground = QColor(0x4a2327);
    c.errorBorder = QColor(0xe0525a);
    c.errorText = QColor(0xffb4ba);
    c.warningBackground = QColor(0x3d3412);
    c.warningBorder = QColor(0xc19c00);
    c.warningText = QColor(0xf5d67a);
    c.successText = QColor(0x7ed07a);
    c.badgeBackground = QColor(0x3a3d42);
    c.badgeText = QColor(0xe8e8e8);
    c.syntaxKeyword = QColor(0xff8fd6);
    c.syntaxType = QColor(0x79b8ff);
    c.syntaxString = QColor(0x9fd89a);
    c.syntaxComment = QColor(0x9aa3ad);
    c.syntaxNumber = QColor(0xffb070);
    return c;
}

namespace {

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

QPalette paletteFor(const ThemeColors& c) {
    QPalette p;
    const bool dark = c.window.lightnessF() < 0.5;
    const QColor button = dark ? c.window.lighter(135) : c.window.darker(103);
    // Fusion draws bevels from Light/Mid/Dark/Shadow: derived from the button so they follow the scheme.
    for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        const bool disabled = group == QPalette::Disabled;
        const QColor text = disabled ? mix(c.text, c.base, 0.5) : c.text;
        const QColor windowText = disabled ? mix(c.windowText, c.window, 0.5) : c.windowText;
        p.setColor(group, QPalette::Window, c.window);
        p.setColor(group, QPalette::WindowText, windowText);
        p.setColor(group, QPalette::Base, c.base);
        p.setColor(group, QPalette::AlternateBase, dark ? c.base.lighter(112) : c.window);
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::PlaceholderText, disabled ? text : c.mutedText);
        p.setColor(group, QPalette::Button, button);
        p.setColor(group, QPalette::ButtonText, windowText);
        p.setColor(group, QPalette::BrightText, dark ? QColor(Qt::white) : QColor(Qt::black));
        p.setColor(group, QPalette::Highlight, disabled ? mix(c.accent, c.base, 0.5) : c.accent);
        p.setColor(group, QPalette::HighlightedText, c.accentText);
        p.setColor(group, QPalette::Link, c.link);
        p.setColor(group, QPalette::LinkVisited, c.link);
        p.setColor(group, QPalette::ToolTipBase, c.base);
        p.setColor(group, QPalette::ToolTipText, c.text);
        p.setColor(group, QPalette::Light, button.lighter(150));
        p.setColor(group, QPalette::Midlight, button.lighter(125));
        // Fusion draws scroll bars and popup frames with Mid; the app's fields and check boxes use it too.
        p.setColor(group, QPalette::Mid, disabled ? mix(c.controlBorder, c.window, 0.5) : c.controlBorder);
        p.setColor(group, QPalette::Dark, dark ? button.darker(160) : button.darker(160));
        p.setColor(group, QPalette::Shadow, QColor(Qt::black));
    }
    return p;
}

bool isDarkPalette(const QPalette& palette) {
    const QColor window = palette.color(QPalette::Active, QPalette::Window);
    const QColor text = palette.color(QPalette::Active, QPalette::WindowText);
    return window.lightnessF() < text.lightnessF();
}

double contrastRatio(const QColor& a, const QColor& b) {
    const auto luminance = [](const QColor& c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace sosoik::app
