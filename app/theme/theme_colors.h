#pragma once
// The app's colours as named roles, one set for light and one for dark, and how they become the
// QPalette that Qt Quick Controls (Fusion) and widgets draw with. UI-free values: tests check every
// text role against its background for WCAG 2.x contrast (>= 4.5:1 for body text).
#include <QColor>
#include <QPalette>

namespace sosoik::app {

struct ThemeColors {
    // The window and its plain text.
    QColor window, windowText;
    // Fields, lists and the assistant's message bubbles; their text.
    QColor base, text;
    QColor mutedText; // secondary labels (role names, notes, hints): still readable, >= 4.5:1
    QColor border;    // frames of bubbles and code blocks (decoration: they hold text that stands out)
    // What shows where a control is and what state it is in: check box outlines, field frames, scroll
    // bar handles (QPalette::Mid). >= 3:1 on window and base (WCAG 1.4.11, non-text contrast).
    QColor controlBorder;
    QColor accent, accentText, link;
    QColor userBubble, userBubbleBorder;
    QColor codeBackground, codeText;
    QColor thinkingBackground, thinkingText; // a model's folded reasoning (<think>)
    QColor errorBackground, errorBorder, errorText;
    QColor warningBackground, warningBorder, warningText;
    QColor successText;
    QColor badgeBackground, badgeText; // small labels ("Recommended", quantisation)
    // Syntax highlighting in code blocks (on codeBackground).
    QColor syntaxKeyword, syntaxType, syntaxString, syntaxComment, syntaxNumber;
};

ThemeColors lightColors();
ThemeColors darkColors();

// The palette for Fusion controls and widgets: every role of every colour group set, so nothing of
// the platform's (possibly opposite) scheme shows through.
QPalette paletteFor(const ThemeColors& colors);

// A platform palette is dark when its window colour is darker than its text (Qt 6.4's QStyleHints
// has no colorScheme(); desktops that switch schemes switch the palette they hand to Qt).
bool isDarkPalette(const QPalette& palette);

// WCAG 2.x contrast ratio of two opaque colours, 1..21.
double contrastRatio(const QColor& a, const QColor& b);

} // namespace sosoik::app
