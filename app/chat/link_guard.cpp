#include "chat/link_guard.h"

#include "chat/safe_markdown.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>

namespace sosoik::app {

namespace {
// The address as it will be opened: tolerant parsing (a space becomes %20, as a browser would), the host
// in ASCII (punycode: a look-alike host cannot pass for another), everything else percent-encoded.
QUrl normalized(const QString& url) {
    QUrl parsed(url, QUrl::TolerantMode);
    if (!parsed.isValid()) return {};
    if (!parsed.host().isEmpty()) {
        const QByteArray ace = QUrl::toAce(parsed.host());
        if (ace.isEmpty()) return {};
        parsed.setHost(QString::fromLatin1(ace));
    }
    return QUrl(parsed.toString(QUrl::FullyEncoded), QUrl::StrictMode);
}
} // namespace

LinkGuard::LinkGuard(Opener opener, QObject* parent) : QObject(parent), opener_(std::move(opener)) {}

QString LinkGuard::safeMarkdown(const QString& markdown) const {
    return sosoik::app::safeMarkdown(markdown);
}

bool LinkGuard::canOpen(const QString& url) const {
    const QUrl parsed = normalized(url);
    if (!parsed.isValid()) return false;
    const QString scheme = parsed.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) return !parsed.host().isEmpty();
    if (scheme == QLatin1String("mailto")) return !parsed.path().isEmpty();
    return false;
}

QString LinkGuard::displayUrl(const QString& url) const {
    const QUrl parsed = normalized(url);
    return parsed.isValid() ? parsed.toString(QUrl::FullyEncoded) : url;
}

void LinkGuard::copy(const QString& text) const {
    if (QClipboard* clipboard = QGuiApplication::clipboard()) clipboard->setText(text);
}

bool LinkGuard::open(const QString& url) {
    if (!canOpen(url)) return false;
    const QUrl parsed = normalized(url);
    return opener_ ? opener_(parsed) : QDesktopServices::openUrl(parsed);
}

} // namespace sosoik::app
