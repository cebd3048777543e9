#pragma once
// Installs the UI translation: the Settings override ("en"/"ko") or, when it is empty, the
// system locale. Switching at runtime retranslates every qsTr() binding in the QML engine.
// QLocale's default follows the same choice (localeFor), so what Qt formats by itself (Qt's own
// file dialog's dates and sizes, Qt.locale(), QLocale() in C++) is in the UI's language: a Korean
// UI on an English system showed the dialog's dates in English.
#include <QObject>
#include <QPointer>
#include <QTranslator>

#include <memory>

class QQmlEngine;

namespace sosoik::app {

class AppSettings;

class LanguageSwitcher : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString current READ current NOTIFY currentChanged)
public:
    explicit LanguageSwitcher(AppSettings* settings, QObject* parent = nullptr);
    ~LanguageSwitcher() override;

    void attach(QQmlEngine* engine); // retranslates this engine on every switch
    QString current() const { return current_; }
    // "ko" for a Korean locale, otherwise "en".
    static QString languageForLocale(const QLocale& locale);
    // The locale for a UI language: the system's when it speaks that language (its region's
    // formats stay), else the language's main region (ko_KR, en_US).
    static QLocale localeFor(const QString& language, const QLocale& system);
    // Applies the settings' choice; returns false when the translation could not be loaded.
    bool apply();

signals:
    void currentChanged();

private:
    AppSettings* settings_;
    QPointer<QQmlEngine> engine_;
    std::unique_ptr<QTranslator> translator_;
    QString current_;
};

} // namespace sosoik::app
