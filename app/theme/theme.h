#pragma once
// The colours every QML file draws with, the QML singleton `Theme` (shell/qml_types.h,
// provided by shell/app_context.cpp), and the application palette that Fusion controls follow.
// mode "system" follows the desktop: Qt 6.4 has no QStyleHints::colorScheme(), so the scheme is
// read from the platform palette's window colour (isDarkPalette) at start and again whenever the
// platform reports a theme change; "light" and "dark" are the user's override (Settings →
// Appearance, persisted by AppSettings::colorScheme).
#include "theme/theme_colors.h"

#include <QObject>
#include <QString>

#include <functional>

namespace sosoik::app {

class Theme : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(bool dark READ dark NOTIFY colorsChanged)
    Q_PROPERTY(QColor window READ window NOTIFY colorsChanged)
    Q_PROPERTY(QColor windowText READ windowText NOTIFY colorsChanged)
    Q_PROPERTY(QColor base READ base NOTIFY colorsChanged)
    Q_PROPERTY(QColor text READ text NOTIFY colorsChanged)
    Q_PROPERTY(QColor mutedText READ mutedText NOTIFY colorsChanged)
    Q_PROPERTY(QColor border READ border NOTIFY colorsChanged)
    Q_PROPERTY(QColor accent READ accent NOTIFY colorsChanged)
    Q_PROPERTY(QColor accentText READ accentText NOTIFY colorsChanged)
    Q_PROPERTY(QColor link READ link NOTIFY colorsChanged)
    Q_PROPERTY(QColor userBubble READ userBubble NOTIFY colorsChanged)
    Q_PROPERTY(QColor userBubbleBorder READ userBubbleBorder NOTIFY colorsChanged)
    Q_PROPERTY(QColor codeBackground READ codeBackground NOTIFY colorsChanged)
    Q_PROPERTY(QColor codeText READ codeText NOTIFY colorsChanged)
    Q_PROPERTY(QColor thinkingBackground READ thinkingBackground NOTIFY colorsChanged)
    Q_PROPERTY(QColor thinkingText READ thinkingText NOTIFY colorsChanged)
    Q_PROPERTY(QColor errorBackground READ errorBackground NOTIFY colorsChanged)
    Q_PROPERTY(QColor errorBorder READ errorBorder NOTIFY colorsChanged)
    Q_PROPERTY(QColor errorText READ errorText NOTIFY colorsChanged)
    Q_PROPERTY(QColor warningBackground READ warningBackground NOTIFY colorsChanged)
    Q_PROPERTY(QColor warningBorder READ warningBorder NOTIFY colorsChanged)
    Q_PROPERTY(QColor warningText READ warningText NOTIFY colorsChanged)
    Q_PROPERTY(QColor successText READ successText NOTIFY colorsChanged)
    Q_PROPERTY(QColor badgeBackground READ badgeBackground NOTIFY colorsChanged)
    Q_PROPERTY(QColor badgeText READ badgeText NOTIFY colorsChanged)
public:
    // systemPalette: reads the desktop's palette (tests pass their own); empty = the real one.
    explicit Theme(std::function<QPalette()> systemPalette = {}, QObject* parent = nullptr);
    ~Theme() override;

    QString mode() const { return mode_; }
    void setMode(const QString& mode); // "system", "light" or "dark"; anything else is "system"
    bool dark() const { return dark_; }
    const ThemeColors& colors() const { return colors_; }

    QColor window() const { return colors_.window; }
    QColor windowText() const { return colors_.windowText; }
    QColor base() const { return colors_.base; }
    QColor text() const { return colors_.text; }
    QColor mutedText() const { return colors_.mutedText; }
    QColor border() const { return colors_.border; }
    QColor accent() const { return colors_.accent; }
    QColor accentText() const { return colors_.accentText; }
    QColor link() const { return colors_.link; }
    QColor userBubble() const { return colors_.userBubble; }
    QColor userBubbleBorder() const { return colors_.userBubbleBorder; }
    QColor codeBackground() const { return colors_.codeBackground; }
    QColor codeText() const { return colors_.codeText; }
    QColor thinkingBackground() const { return colors_.thinkingBackground; }
    QColor thinkingText() const { return colors_.thinkingText; }
    QColor errorBackground() const { return colors_.errorBackground; }
    QColor errorBorder() const { return colors_.errorBorder; }
    QColor errorText() const { return colors_.errorText; }
    QColor warningBackground() const { return colors_.warningBackground; }
    QColor warningBorder() const { return colors_.warningBorder; }
    QColor warningText() const { return colors_.warningText; }
    QColor successText() const { return colors_.successText; }
    QColor badgeBackground() const { return colors_.badgeBackground; }
    QColor badgeText() const { return colors_.badgeText; }

    // A code block's text as highlighted HTML (theme/code_highlighter.h) in the light or dark colours;
    // QML passes theme.dark so the binding is evaluated again when the scheme changes.
    Q_INVOKABLE QString codeHtml(const QString& code, const QString& language, bool dark) const;
    Q_INVOKABLE bool highlights(const QString& language) const;

    // The desktop's palette, whatever the app has set: the application palette reset to the
    // platform's (QGuiApplication resolves an empty palette against the platform theme).
    static QPalette platformPalette();

    // Sets the application palette again. Qt Quick Controls (6.4) take the application palette from
    // its change event only, not when their style loads (tests/app/theme/tst_theme shows both), so the
    // shell calls this once the QML engine has loaded its windows.
    void applyPalette();

public slots:
    // Reads the desktop's scheme again (on QEvent::ThemeChange; tests call it directly).
    void systemSchemeChanged();

signals:
    void modeChanged();
    void colorsChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void update();
    std::function<QPalette()> systemPalette_;
    QString mode_ = QStringLiteral("system");
    bool systemDark_ = false;
    bool dark_ = false;
    bool applied_ = false;
    ThemeColors colors_;
};

} // namespace sosoik::app
