#include "settings/language_switcher.h"

#include "settings/app_settings.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlEngine>

namespace sosoik::app {

LanguageSwitcher::LanguageSwitcher(AppSettings* settings, QObject* parent)
    : QObject(parent), settings_(settings) {
    connect(settings, &AppSettings::changed, this, [this] {
        QString wanted = settings_->language();
        if (wanted.isEmpty()) wanted = languageForLocale(QLocale::system());
        if (wanted != current_) apply();
    });
}

LanguageSwitcher::~LanguageSwitcher() {
    if (translator_) QCoreApplication::removeTranslator(translator_.get());
}

QString LanguageSwitcher::languageForLocale(const QLocale& locale) {
    return locale.language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
}

QLocale LanguageSwitcher::localeFor(const QString& language, const QLocale& system) {
    const bool korean = language == QLatin1String("ko");
    if (system.language() == (korean ? QLocale::Korean : QLocale::English)) return system;
    return korean ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                  : QLocale(QLocale::English, QLocale::UnitedStates);
}

void LanguageSwitcher::attach(QQmlEngine* engine) {
    engine_ = engine;
}

bool LanguageSwitcher::apply() {
    QString wanted = settings_->language();
    if (wanted.isEmpty()) wanted = languageForLocale(QLocale::system());
    if (translator_) {
        QCoreApplication::removeTranslator(translator_.get());
        translator_.reset();
    }
    // English is the source language; its .qm only carries plural forms.
    auto translator = std::make_unique<QTranslator>();
    const bool ok = translator->load(QStringLiteral(":/i18n/sosoik_%1.qm").arg(wanted));
    if (ok) {
        QCoreApplication::installTranslator(translator.get());
        translator_ = std::move(translator);
    }
    current_ = wanted;
    QLocale::setDefault(localeFor(wanted, QLocale::system()));
    if (engine_) engine_->retranslate();
    emit currentChanged();
    return ok;
}

} // namespace sosoik::app
