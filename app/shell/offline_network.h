#pragma once
// Sosoik never goes on the network by itself. The QML engine would: TextEdit fetches the images of
// rich text and Markdown through the engine's QNetworkAccessManager. This factory gives the engine one
// that answers every request that is not local (file:, qrc:, data:) with an error, without a socket
// ever being opened: the second line behind chat/safe_markdown.h, for anything a message or a future
// QML file might reference.
#include <QAtomicInt>
#include <QQmlNetworkAccessManagerFactory>

namespace sosoik::app {

class OfflineNetworkFactory : public QQmlNetworkAccessManagerFactory {
public:
    QNetworkAccessManager* create(QObject* parent) override;
    // How many requests were refused (all threads): tests and the log.
    int refused() const { return refused_.loadRelaxed(); }

private:
    QAtomicInt refused_;
};

} // namespace sosoik::app
