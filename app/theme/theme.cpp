#include "theme/theme.h"

#include "theme/code_highlighter.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>

namespace sosoik::app {

Theme::Theme(std::function<QPalette()> systemPalette, QObject* parent)
    : QObject(parent), systemPalette_(std::move(systemPalette)) {
    if (!systemPalette_) systemPalette_ = &Theme::platformPalette;
    systemDark_ = isDarkPalette(systemPalette_());
    if (qGuiApp) qGuiApp->installEventFilter(this);
    update();
}

Theme::~Theme() {
    if (qGuiApp) qGuiApp->removeEventFilter(this);
}

QPalette Theme::platformPalette() {
    if (!qGuiApp) return {};
    const QPalette current = QGuiApplication::palette();
    QGuiApplication::setPalette(QPalette()); // resolved against the platform theme's palette
    const QPalette platform = QGuiApplication::palette();
    QGuiApplication::setPalette(current);
    return platform;
}

QString Theme::codeHtml(const QString& code, const QString& language, bool dark) const {
    return highlightedCodeHtml(code, language, dark ? darkColors() : lightColors());
}

bool Theme::highlights(const QString& language) const {
    return isHighlightedLanguage(language);
}

void Theme::setMode(const QString& mode) {
    const QString m =
        mode == QLatin1String("light") || mode == QLatin1String("dark") ? mode : QStringLiteral("system");
    if (m == mode_) return;
    mode_ = m;
    emit modeChanged();
    update();
}

void Theme::systemSchemeChanged() {
    const bool dark = isDarkPalette(systemPalette_());
    if (dark == systemDark_) return;
    systemDark_ = dark;
    update();
}

bool Theme::eventFilter(QObject* watched, QEvent* event) {
    // The platform sends ThemeChange to every window when the desktop's scheme or palette changes.
    if (event->type() == QEvent::ThemeChange && watched->isWindowType()) systemSchemeChanged();
    // Qt Quick windows (6.4) take the application palette from its change event only, so a window
    // created after the last change (a popup or dialog window built later) kept the style's light
    // palette in dark mode: its controls white on a dark window (tst_quick_query_popup). Each window
    // gets the event again as it is shown, before it is drawn.
    if (event->type() == QEvent::Show && watched->isWindowType()) {
        QEvent paletteChange(QEvent::ApplicationPaletteChange);
        QCoreApplication::sendEvent(watched, &paletteChange);
    }
    return QObject::eventFilter(watched, event);
}

void Theme::update() {
    const bool dark = mode_ == QLatin1String("dark") || (mode_ == QLatin1String("system") && systemDark_);
    if (applied_ && dark == dark_) return;
    dark_ = dark;
    colors_ = dark ? darkColors() : lightColors();
    applied_ = true;
    // Fusion is forced (shell/application.cpp): it draws with the application palette, so setting it
    // makes every control, dialog and the quick-query popup follow the scheme.
    if (qGuiApp) QGuiApplication::setPalette(paletteFor(colors_));
    emit colorsChanged();
}

void Theme::applyPalette() {
    if (!qGuiApp) return;
    QGuiApplication::setPalette(QPalette()); // an unchanged palette would send no change event
    QGuiApplication::setPalette(paletteFor(colors_));
}

} // namespace sosoik::app
