#pragma once
// "Check for model updates" (issue #18): for each model Sosoik downloaded, one HEAD request to its host
// (no redirect followed, no body) compares the sha256 the host publishes now (X-Linked-Etag) with the
// one recorded at download (<file>.sha256). Runs only when the user asks; never at start.
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace sosoik::app {

class ModelUpdateCheck : public QObject {
    Q_OBJECT
public:
    struct Item {
        QString id;
        QUrl url;                // the file's .../resolve/main/<file> URL
        QString installedSha256; // recorded at download
    };
    enum class Status { UpToDate, UpdateAvailable, Failed };

    // nam is not owned.
    ModelUpdateCheck(QNetworkAccessManager* nam, QList<Item> items, QObject* parent = nullptr);
    ~ModelUpdateCheck() override;

    void start();
    int timeoutMs = 30000;

signals:
    // why: a sentence for Failed, else "".
    void checked(const QString& id, sosoik::app::ModelUpdateCheck::Status status, const QString& why);
    void finished(int updatesAvailable, int failures);

private:
    void onReply(QNetworkReply* reply, const Item& item);

    QNetworkAccessManager* nam_;
    QList<Item> items_;
    QList<QPointer<QNetworkReply>> replies_;
    int pending_ = 0, updates_ = 0, failures_ = 0;
};

} // namespace sosoik::app
