#include "shell/offline_network.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace sosoik::app {
namespace {

class OfflineNetworkAccessManager : public QNetworkAccessManager {
public:
    OfflineNetworkAccessManager(QAtomicInt* refused, QObject* parent)
        : QNetworkAccessManager(parent), refused_(refused) {}

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* data) override {
        const QString scheme = request.url().scheme().toLower();
        if (scheme == QLatin1String("file") || scheme == QLatin1String("qrc") ||
            scheme == QLatin1String("data"))
            return QNetworkAccessManager::createRequest(op, request, data);
        if (refused_->fetchAndAddRelaxed(1) == 0)
            qWarning("Sosoik: refused a network request from the user interface (%s:…); Sosoik stays offline",
                     qPrintable(scheme));
        // An unknown scheme: Qt answers with ProtocolUnknownError and opens nothing.
        QNetworkRequest refused(request);
        refused.setUrl(QUrl(QStringLiteral("sosoik-offline:refused")));
        return QNetworkAccessManager::createRequest(op, refused, nullptr);
    }

private:
    QAtomicInt* refused_;
};

} // namespace

QNetworkAccessManager* OfflineNetworkFactory::create(QObject* parent) {
    return new OfflineNetworkAccessManager(&refused_, parent);
}

} // namespace sosoik::app
