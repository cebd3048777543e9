#pragma once
// One model download, the way users need it to behave (issue #18): it starts only when asked, asks
// the host for the file's size and sha256 first (Hugging Face's X-Linked-Size / X-Linked-Etag,
// which its mirrors serve too), refuses when the disk cannot hold it, writes to <file>.part and
// resumes with an HTTP Range request after a pause, a dropped connection, a stall or an app
// restart, reports speed and time left, and verifies the sha256 before the file is moved into
// place. A mismatch deletes the partial file; every other failure keeps it for the next attempt.
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace sosoik::app {

struct DownloadRequest {
    QUrl url;               // the file (a Hugging Face-style .../resolve/<rev>/<file> URL)
    QString destination;    // where the verified file goes
    QString expectedSha256; // pinned (catalog); else the host's metadata
};

enum class DownloadState { Idle, Probing, Downloading, Paused, Verifying, Finished, Failed, Cancelled };

enum class DownloadFailure {
    None,
    NotFound,   // HTTP 404 / 410
    Http,       // any other HTTP error status
    Network,    // host unreachable, connection refused or dropped (after the retries)
    Stalled,    // no data for stallTimeoutMs (after the retries)
    NoSpace,    // refused before starting: the disk cannot hold the rest of the file
    DiskFull,   // a write failed
    NoChecksum, // neither the catalog nor the host gives a sha256 to verify with
    Mismatch,   // the finished file's sha256 is not the expected one (the partial file is deleted)
};

class ModelDownload : public QObject {
    Q_OBJECT
public:
    // nam is not owned; it is only used after start().
    ModelDownload(QNetworkAccessManager* nam, DownloadRequest request, QObject* parent = nullptr);
    ~ModelDownload() override;

    void start(); // from the partial file, if any
    void pause(); // keeps the partial file
    void resume() { start(); }
    void cancel(); // deletes the partial file

    DownloadState state() const { return state_; }
    DownloadFailure failure() const { return failure_; }
    QString errorText() const { return error_; } // a complete sentence for the user
    qint64 receivedBytes() const { return received_; }
    qint64 totalBytes() const { return total_; }     // -1 until known
    qint64 fetchedBytes() const { return fetched_; } // file bytes this object received from the network
    double bytesPerSecond() const { return speed_; }
    int secondsLeft() const; // -1 when unknown
    const DownloadRequest& request() const { return request_; }
    QString partPath() const { return request_.destination + QStringLiteral(".part"); }

    // Tunables (the defaults suit users; tests shorten them).
    int stallTimeoutMs = 30000;
    int retries = 3; // automatic resumes after a dropped connection or a stall
    int retryDelayMs = 2000;
    std::function<qint64(const QString& dir)> freeSpace; // bytes free where dir is (default: QStorageInfo)
    // The partial file's writer (default: a QFile on path). Tests hand in one that fails like a full disk.
    std::function<std::unique_ptr<QFile>(const QString& path)> openPartFile;

signals:
    void stateChanged();
    void progressChanged();
    void finished(bool ok); // Finished, Failed or Cancelled reached

private:
    void probe();
    void onProbeFinished(QNetworkReply* reply);
    void fetch();
    void onReadyRead();
    void onFetchFinished();
    void verify();
    void onVerified(const QString& actual);
    void fail(DownloadFailure failure, const QString& text, bool keepPartial = true);
    bool retryLater(DownloadFailure failure, const QString& text);
    void setState(DownloadState s);
    void abortReply();
    void sampleSpeed();
    bool loadPartialMetadata();
    void savePartialMetadata() const;
    void removePartial();
    void closePart();
    QString host() const { return request_.url.host(); }

    QNetworkAccessManager* nam_;
    DownloadRequest request_;
    DownloadState state_ = DownloadState::Idle;
    DownloadFailure failure_ = DownloadFailure::None;
    QString error_;
    QString sha256_; // what the file must hash to
    qint64 received_ = 0, total_ = -1, fetched_ = 0;
    QPointer<QNetworkReply> reply_;
    std::unique_ptr<QFile> part_; // open while bytes arrive
    QTimer stall_;
    int attemptsLeft_ = 0;
    bool stalled_ = false;
    // Speed over the last few seconds: (ms since start, bytes received) samples.
    QElapsedTimer clock_;
    QList<QPair<qint64, qint64>> samples_;
    double speed_ = 0;
    std::shared_ptr<std::atomic<bool>> verifyCancel_;
};

} // namespace sosoik::app
