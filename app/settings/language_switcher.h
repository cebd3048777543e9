#pragma once
// Installs the UI translation: the Settings override ("en"/"ko") or, when it is empty, the
// system locale. Switching at runtime retranslates every qsTr() binding in the QML engine.
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
