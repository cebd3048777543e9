#pragma once
// What the chat view and the quick-query popup do with a link in a message: Markdown is made safe
// before it is shown (chat/safe_markdown.h), and a click opens LinkConfirmDialog, which shows the full
// address and opens only http, https and mailto links, only when the user says so. Opening a link in
// the browser is the one way anything leaves the PC from Sosoik's windows.
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

namespace sosoik::app {

class LinkGuard : public QObject {
    Q_OBJECT
public:
    using Opener = std::function<bool(const QUrl&)>;
    // opener: what opens an allowed link (QDesktopServices::openUrl when null); tests record instead.
    explicit LinkGuard(Opener opener = {}, QObject* parent = nullptr);

    Q_INVOKABLE QString safeMarkdown(const QString& markdown) const;
    // http, https and mailto only, with a host (or an address for mailto).
    Q_INVOKABLE bool canOpen(const QString& url) const;
    // The address exactly as it would be opened: encoded (IDN hosts as punycode, hidden characters as
    // %XX), so that what the user reads is what the browser gets.
    Q_INVOKABLE QString displayUrl(const QString& url) const;
    Q_INVOKABLE void copy(const QString& text) const;
    // Opens an allowed link; refuses (false) anything else.
    Q_INVOKABLE bool open(const QString& url);

    void setOpener(Opener opener) { opener_ = std::move(opener); }

private:
    Opener opener_;
};

} // namespace sosoik::app
