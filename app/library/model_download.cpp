#include "library/model_download.h"

#include "library/file_hash.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStorageInfo>
#include <QThread>

namespace sosoik::app {
namespace {

// Left free beyond the file itself, so that finishing a download never fills the disk to the byte.
constexpr qint64 kDiskMargin = 16ll << 20;

QString sizeText(qint64 bytes) {
    return QLocale().formattedDataSize(bytes);
}

int httpStatus(const QNetworkReply* reply) {
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

} // namespace

ModelDownload::ModelDownload(QNetworkAccessManager* nam, DownloadRequest request, QObject* parent)
    : QObject(parent), nam_(nam), request_(std::move(request)) {
    request_.expectedSha256 = request_.expectedSha256.toLower();
    stall_.setSingleShot(true);
    connect(&stall_, &QTimer::timeout, this, [this] {
        stalled_ = true;
        abortReply();
    });
    freeSpace = [](const QString& dir) -> qint64 {
        const QStorageInfo storage(dir);
        return storage.isValid() ? storage.bytesAvailable() : -1;
    };
    openPartFile = [](const QString& path) { return std::make_unique<QFile>(path); };
    // What an earlier session left is shown at once ("paused at 45 %"), before anything is asked.
    if (QFileInfo::exists(partPath()) && loadPartialMetadata()) received_ = QFileInfo(partPath()).size();
}

ModelDownload::~ModelDownload() {
    if (verifyCancel_) verifyCancel_->store(true);
    if (reply_) {
        reply_->disconnect(this);
        reply_->abort();
    }
}

int ModelDownload::secondsLeft() const {
    if (speed_ <= 0 || total_ <= 0) return -1;
    return int((total_ - received_) / speed_);
}

void ModelDownload::setState(DownloadState s) {
    if (state_ == s) return;
    state_ = s;
    emit stateChanged();
}

void ModelDownload::start() {
    if (state_ == DownloadState::Probing || state_ == DownloadState::Downloading ||
        state_ == DownloadState::Verifying || state_ == DownloadState::Finished)
        return;
    failure_ = DownloadFailure::None;
    error_.clear();
    attemptsLeft_ = retries;
    sha256_ = request_.expectedSha256;
    setState(DownloadState::Probing);
    probe();
}

void ModelDownload::pause() {
    if (state_ != DownloadState::Probing && state_ != DownloadState::Downloading) return;
    setState(DownloadState::Paused);
    abortReply();
    speed_ = 0;
    emit progressChanged();
}

void ModelDownload::cancel() {
    if (state_ == DownloadState::Finished || state_ == DownloadState::Cancelled) return;
    setState(DownloadState::Cancelled);
    abortReply();
    if (verifyCancel_) verifyCancel_->store(true);
    removePartial();
    received_ = 0;
    speed_ = 0;
    emit progressChanged();
    emit finished(false);
}

void ModelDownload::abortReply() {
    stall_.stop();
    if (reply_) reply_->abort(); // finished() runs now; the handlers see the new state
}

// Step 1: the host's metadata for the file (HEAD without following the redirect to the CDN: the
// Hugging Face response carries X-Linked-Size and X-Linked-Etag = the LFS sha256).
void ModelDownload::probe() {
    QNetworkRequest req(request_.url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(stallTimeoutMs);
    req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Sosoik"));
    QNetworkReply* reply = nam_->head(req);
    reply_ = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onProbeFinished(reply); });
}

void ModelDownload::onProbeFinished(QNetworkReply* reply) {
    reply->deleteLater();
    if (reply_ == reply) reply_ = nullptr;
    if (state_ != DownloadState::Probing) return; // paused or cancelled meanwhile
    const int status = httpStatus(reply);
    const QString file = QFileInfo(request_.destination).fileName();
    if (status == 0) {
        // The model host is a field on the Models page's "Get models" tab (and --host in sosoik-cli), not in
        // Settings, where this used to send the user.
        fail(DownloadFailure::Network,
             tr("Could not reach %1 (%2). Check the network connection and the model host.")
                 .arg(host(), reply->errorString()));
        return;
    }
    if (status == 404 || status == 410) {
        fail(DownloadFailure::NotFound,
             tr("%1 was not found on %2 (HTTP %3).").arg(file, host()).arg(status));
        return;
    }
    if (status >= 400) {
        fail(DownloadFailure::Http,
             tr("%1 refused the download of %2 (HTTP %3).").arg(host(), file).arg(status));
        return;
    }
    const bool direct = status >= 200 && status < 300;
    QString hostSha = sha256FromEtag(reply->rawHeader("X-Linked-Etag"));
    if (hostSha.isEmpty() && direct) hostSha = sha256FromEtag(reply->rawHeader("ETag"));
    qint64 size = reply->rawHeader("X-Linked-Size").toLongLong();
    if (size <= 0 && direct) size = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (!sha256_.isEmpty() && !hostSha.isEmpty() && hostSha != sha256_) {
        fail(DownloadFailure::Mismatch,
             tr("The file on %1 is not the one Sosoik expects (its sha256 differs); nothing was downloaded.")
                 .arg(host()));
        return;
    }
    if (sha256_.isEmpty()) sha256_ = hostSha;
    if (sha256_.isEmpty()) {
        fail(DownloadFailure::NoChecksum, tr("%1 publishes no sha256 for %2, so Sosoik could not check the "
                                             "download; nothing was downloaded.")
                                              .arg(host(), file));
        return;
    }
    // A partial file of another version of the model cannot be continued.
    const QString expected = sha256_;
    if (QFileInfo::exists(partPath()) && (!loadPartialMetadata() || sha256_ != expected)) removePartial();
    sha256_ = expected;
    total_ = size > 0 ? size : -1;
    received_ = QFileInfo(partPath()).size();
    if (total_ > 0 && received_ > total_) {
        removePartial();
        received_ = 0;
    }
    const QString dir = QFileInfo(request_.destination).absolutePath();
    if (!QDir().mkpath(dir)) {
        fail(DownloadFailure::DiskFull, tr("Could not create the folder %1.").arg(dir));
        return;
    }
    const qint64 needed = total_ > 0 ? total_ - received_ : 0;
    const qint64 free = freeSpace ? freeSpace(dir) : -1;
    if (free >= 0 && needed + kDiskMargin > free) {
        fail(DownloadFailure::NoSpace,
             tr("Not enough free disk space for %1: it needs %2 more, %3 is free in %4.")
                 .arg(file, sizeText(needed), sizeText(free), dir));
        return;
    }
    savePartialMetadata();
    emit progressChanged();
    setState(DownloadState::Downloading);
    fetch();
}

// Step 2: the bytes, from where the partial file ends.
void ModelDownload::fetch() {
    part_ = openPartFile(partPath());
    // Unbuffered: a full disk fails the write() that hit it, not a close() nobody checks (which made
    // the sha256 check fail later and delete the good part of the file).
    if (!part_->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        const QString why = part_->errorString();
        part_.reset();
        fail(DownloadFailure::DiskFull, tr("Could not write %1: %2.").arg(partPath(), why));
        return;
    }
    received_ = part_->size();
    if (total_ > 0 && received_ == total_) {
        closePart();
        verify();
        return;
    }
    QNetworkRequest req(request_.url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Sosoik"));
    if (received_ > 0) req.setRawHeader("Range", "bytes=" + QByteArray::number(received_) + '-');
    QNetworkReply* reply = nam_->get(req);
    reply_ = reply;
    stalled_ = false;
    connect(reply, &QNetworkReply::readyRead, this, &ModelDownload::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ModelDownload::onFetchFinished);
    if (!clock_.isValid()) clock_.start();
    samples_.clear();
    stall_.start(stallTimeoutMs);
}

void ModelDownload::onReadyRead() {
    if (!reply_ || !part_ || !part_->isOpen()) return;
    const int status = httpStatus(reply_);
    if (status != 200 && status != 206) return; // redirects and errors carry no file bytes
    // A server that ignores Range sends the whole file again: start the partial file over.
    if (status == 200 && received_ > 0 && !reply_->property("restarted").toBool()) {
        part_->resize(0);
        received_ = 0;
    }
    reply_->setProperty("restarted", true);
    const QByteArray data = reply_->readAll();
    // A disk that fills up gives a short write first and the reason (ENOSPC) only on the next one.
    qint64 written = 0;
    while (written < data.size()) {
        const qint64 n = part_->write(data.constData() + written, data.size() - written);
        if (n <= 0) break;
        written += n;
    }
    if (written != data.size()) {
        // Kept, not deleted: every byte in it is good (the sha256 check at the end proves it), and a
        // multi-GB download should not start over because the disk filled up. What a short write did
        // put in the file counts: Resume asks for the bytes after the file's real end.
        const QString why = part_->errorString();
        received_ = part_->size();
        fail(DownloadFailure::DiskFull,
             tr("Sosoik could not write the download to %1 (%2): the disk is probably full. The %3 "
                "downloaded so far are kept in %4; free some space, then Resume continues from there.")
                 .arg(QFileInfo(partPath()).absolutePath(), why, sizeText(received_),
                      QFileInfo(partPath()).fileName()));
        return;
    }
    received_ += data.size();
    fetched_ += data.size();
    stall_.start(stallTimeoutMs);
    sampleSpeed();
    emit progressChanged();
}

void ModelDownload::onFetchFinished() {
    QNetworkReply* reply = qobject_cast<QNetworkReply*>(sender());
    if (!reply) return;
    if (reply == reply_ && state_ == DownloadState::Downloading && reply->isOpen())
        onReadyRead(); // the last bytes
    reply->deleteLater();
    if (reply == reply_) reply_ = nullptr;
    stall_.stop();
    closePart();
    speed_ = 0;
    if (state_ != DownloadState::Downloading) return; // paused, cancelled or failed meanwhile
    const int status = httpStatus(reply);
    const QString file = QFileInfo(request_.destination).fileName();
    if (stalled_) {
        retryLater(DownloadFailure::Stalled,
                   tr("%1 stopped sending data for %2 seconds.").arg(host()).arg(stallTimeoutMs / 1000));
        return;
    }
    if (status == 416 && total_ > 0 && received_ >= total_) {
        verify();
        return;
    }
    if (status == 404 || status == 410) {
        fail(DownloadFailure::NotFound,
             tr("%1 was not found on %2 (HTTP %3).").arg(file, host()).arg(status));
        return;
    }
    if (status >= 400) {
        fail(DownloadFailure::Http,
             tr("%1 refused the download of %2 (HTTP %3).").arg(host(), file).arg(status));
        return;
    }
    if (reply->error() != QNetworkReply::NoError || (total_ > 0 && received_ < total_)) {
        retryLater(DownloadFailure::Network,
                   tr("The connection to %1 was lost (%2).").arg(host(), reply->errorString()));
        return;
    }
    verify();
}

bool ModelDownload::retryLater(DownloadFailure failure, const QString& text) {
    if (attemptsLeft_ > 0) {
        --attemptsLeft_;
        QTimer::singleShot(retryDelayMs, this, [this] {
            if (state_ == DownloadState::Downloading) fetch();
        });
        return true;
    }
    fail(failure,
         text + ' ' +
             tr("The partial download (%1) is kept: Resume continues from there.").arg(sizeText(received_)));
    return false;
}

// Step 3: the sha256 of the whole file, on a thread of its own (seconds for a few GB).
void ModelDownload::verify() {
    setState(DownloadState::Verifying);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    verifyCancel_ = cancel;
    auto result = std::make_shared<QString>();
    const QString path = partPath();
    QThread* thread =
        QThread::create([path, cancel, result] { *result = sha256OfFile(path, nullptr, cancel.get()); });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, result] { onVerified(*result); });
    thread->start();
}

void ModelDownload::onVerified(const QString& actual) {
    if (state_ != DownloadState::Verifying) return;
    if (actual.isEmpty()) {
        fail(DownloadFailure::DiskFull, tr("Could not read the downloaded file %1.").arg(partPath()));
        return;
    }
    if (actual != sha256_) {
        fail(DownloadFailure::Mismatch,
             tr("The downloaded file is damaged: its sha256 is not the one %1 publishes. It was deleted; "
                "download it again.")
                 .arg(host()),
             /*keepPartial=*/false);
        return;
    }
    QFile::remove(request_.destination);
    if (!QFile::rename(partPath(), request_.destination)) {
        fail(DownloadFailure::DiskFull, tr("Could not move the download to %1.").arg(request_.destination));
        return;
    }
    writeRecordedSha256(request_.destination, actual);
    QFile::remove(partPath() + QStringLiteral(".json"));
    received_ = total_ = QFileInfo(request_.destination).size();
    emit progressChanged();
    setState(DownloadState::Finished);
    emit finished(true);
}

void ModelDownload::fail(DownloadFailure failure, const QString& text, bool keepPartial) {
    closePart();
    failure_ = failure;
    error_ = text;
    speed_ = 0;
    // Failed before the abort: the reply's finished(), which abort() emits at once, must see that this
    // attempt is over (otherwise it would schedule a retry of a write that cannot succeed).
    state_ = DownloadState::Failed;
    abortReply();
    if (!keepPartial) {
        removePartial();
        received_ = 0;
    }
    emit progressChanged();
    emit stateChanged();
    emit finished(false);
}

void ModelDownload::sampleSpeed() {
    const qint64 now = clock_.elapsed();
    samples_.append({now, received_});
    while (samples_.size() > 2 && now - samples_.first().first > 5000)
        samples_.removeFirst();
    const qint64 span = now - samples_.first().first;
    if (span >= 200) speed_ = double(received_ - samples_.first().second) * 1000.0 / double(span);
}

bool ModelDownload::loadPartialMetadata() {
    QFile meta(partPath() + QStringLiteral(".json"));
    if (meta.size() > 65536 || !meta.open(QIODevice::ReadOnly)) return false;
    const QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
    if (o.value("sha256").toString().isEmpty()) return false;
    sha256_ = o.value("sha256").toString();
    const qint64 size = qint64(o.value("size").toDouble());
    total_ = size > 0 ? size : -1;
    return true;
}

void ModelDownload::savePartialMetadata() const {
    QFile meta(partPath() + QStringLiteral(".json"));
    if (!meta.open(QIODevice::WriteOnly | QIODevice::Truncate)) return;
    meta.write(
        QJsonDocument(
            QJsonObject{{"url", request_.url.toString()}, {"sha256", sha256_}, {"size", double(total_)}})
            .toJson(QJsonDocument::Compact));
}

void ModelDownload::closePart() {
    if (part_) part_->close();
    part_.reset();
}

void ModelDownload::removePartial() {
    closePart();
    QFile::remove(partPath());
    QFile::remove(partPath() + QStringLiteral(".json"));
}

} // namespace sosoik::app
