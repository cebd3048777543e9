#include "library/model_update_check.h"

#include "library/file_hash.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace sosoik::app {

ModelUpdateCheck::ModelUpdateCheck(QNetworkAccessManager* nam, QList<Item> items, QObject* parent)
    : QObject(parent), nam_(nam), items_(std::move(items)) {}

ModelUpdateCheck::~ModelUpdateCheck() {
    for (const auto& reply : replies_)
        if (reply) {
            reply->disconnect(this);
            reply->abort();
        }
}

void ModelUpdateCheck::start() {
    pending_ = int(items_.size());
    if (pending_ == 0) {
        emit finished(0, 0);
        return;
    }
    for (const Item& item : items_) {
        QNetworkRequest req(item.url);
        // The host's own answer carries the metadata; the CDN it redirects to does not.
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        req.setTransferTimeout(timeoutMs);
        req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Sosoik"));
        QNetworkReply* reply = nam_->head(req);
        replies_.append(reply);
        connect(reply, &QNetworkReply::finished, this, [this, reply, item] { onReply(reply, item); });
    }
}

void ModelUpdateCheck::onReply(QNetworkReply* reply, const Item& item) {
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString published = sha256FromEtag(reply->rawHeader("X-Linked-Etag"));
    if (published.isEmpty() && status >= 200 && status < 300)
        published = sha256FromEtag(reply->rawHeader("ETag"));
    const QString host = item.url.host();
    if (status == 0) {
        ++failures_;
        emit checked(item.id, Status::Failed, tr("Could not reach %1 (%2).").arg(host, reply->errorString()));
    } else if (status >= 400) {
        ++failures_;
        emit checked(item.id, Status::Failed, tr("%1 answered HTTP %2.").arg(host).arg(status));
    } else if (published.isEmpty()) {
        ++failures_;
        emit checked(item.id, Status::Failed, tr("%1 publishes no sha256 for this file.").arg(host));
    } else if (published != item.installedSha256.toLower()) {
        ++updates_;
        emit checked(item.id, Status::UpdateAvailable, {});
    } else {
        emit checked(item.id, Status::UpToDate, {});
    }
    if (--pending_ == 0) emit finished(updates_, failures_);
}

} // namespace sosoik::app
