// Model downloads against a loopback HTTP server laid out like Hugging Face (support/
// loopback_http_server.h): a full download, a connection dropped half-way and resumed without
// downloading bytes twice, a resume after the downloader is destroyed and recreated, a corrupted
// byte (hash mismatch, nothing installed), 404, a stalled server (timeout message), no network,
// a disk too small (refused before any byte is fetched), and a disk that fills up mid-way (a
// writer that fails like ENOSPC after N bytes, and the kernel's own /dev/full).
#include "library/file_hash.h"
#include "library/model_download.h"

#include "support/loopback_http_server.h"

#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sosoik::app;
using sosoik::test::LoopbackHttpServer;

namespace {

QByteArray randomBytes(qsizetype n, quint32 seed) {
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator gen(seed);
    gen.fillRange(reinterpret_cast<quint32*>(b.data()), n / 4);
    return b;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A partial file on a disk with `room` bytes left: writes past it fail the way a full disk makes
// QFile fail: a short write, then -1 with the system's ENOSPC text (write(2) reports ENOSPC only
// when nothing more fits).
class FullDiskFile : public QFile {
public:
    FullDiskFile(const QString& path, qint64 room) : QFile(path), room_(room) {}

protected:
    qint64 writeData(const char* data, qint64 len) override {
        if (room_ <= 0) {
            setErrorString(QStringLiteral("No space left on device"));
            return -1;
        }
        const qint64 written = QFile::writeData(data, std::min(len, room_));
        room_ -= written;
        return written;
    }

private:
    qint64 room_;
};

bool waitFinished(ModelDownload& d, int timeoutMs = 30000) {
    if (d.state() == DownloadState::Finished || d.state() == DownloadState::Failed) return true;
    QSignalSpy spy(&d, &ModelDownload::finished);
    return spy.wait(timeoutMs);
}

} // namespace

class TestModelDownload : public QObject {
    Q_OBJECT
    LoopbackHttpServer server_;
    QNetworkAccessManager nam_;
    QTemporaryDir dir_;
    QByteArray content_ = randomBytes(3 << 20, 7); // 3 MiB

    DownloadRequest request(const QString& file, const QString& repo = "org/tiny-GGUF") {
        QUrl url = server_.baseUrl();
        url.setPath('/' + repo + "/resolve/main/" + file);
        return {url, dir_.filePath(file), {}};
    }

    std::unique_ptr<ModelDownload> make(const DownloadRequest& r) {
        auto d = std::make_unique<ModelDownload>(&nam_, r);
        d->retryDelayMs = 50;
        d->freeSpace = [](const QString&) { return qint64(100) << 30; };
        return d;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        server_.addFile("org/tiny-GGUF", "full.gguf", content_);
        server_.addFile("org/tiny-GGUF", "dropped.gguf", content_);
        server_.addFile("org/tiny-GGUF", "restart.gguf", content_);
        server_.addFile("org/tiny-GGUF", "stall.gguf", content_);
        server_.addFile("org/tiny-GGUF", "big.gguf", content_);
        QByteArray corrupted = content_;
        corrupted[1234567] = char(corrupted[1234567] ^ 0x40);
        server_.addFile("org/tiny-GGUF", "corrupt.gguf", corrupted,
                        QCryptographicHash::hash(content_, QCryptographicHash::Sha256).toHex());
    }

    void fullDownloadIsVerifiedAndInstalled() {
        auto d = make(request("full.gguf"));
        QSignalSpy progress(d.get(), &ModelDownload::progressChanged);
        d->start();
        QVERIFY(waitFinished(*d));
        QCOMPARE(d->state(), DownloadState::Finished);
        QCOMPARE(readAll(dir_.filePath("full.gguf")), content_);
        QVERIFY(!QFileInfo::exists(d->partPath()));
        QCOMPARE(d->totalBytes(), qint64(content_.size()));
        QVERIFY(progress.count() >= 2);
        // The digest the host published is recorded for a later `models verify`.
        QCOMPARE(recordedSha256(dir_.filePath("full.gguf")),
                 QString::fromLatin1(QCryptographicHash::hash(content_, QCryptographicHash::Sha256).toHex()));
    }

    void droppedConnectionResumesWithoutRefetching() {
        const int requestsBefore = server_.requests().size();
        server_.dropNextAfter(content_.size() / 2);
        auto d = make(request("dropped.gguf"));
        d->start();
        QVERIFY(waitFinished(*d));
        QVERIFY2(d->state() == DownloadState::Finished, qPrintable(d->errorText()));
        QCOMPARE(readAll(dir_.filePath("dropped.gguf")), content_);
        // Every byte crossed the wire once: the second request asked for the rest only.
        // Every byte was received once: the retry asked for the rest only. (Counted at the client: Qt's
        // HTTP layer may resend a request on a dead connection by itself and discard the answer.)
        QCOMPARE(d->fetchedBytes(), qint64(content_.size()));
        QStringList ranges;
        for (const auto& r : server_.requests().mid(requestsBefore))
            if (r.path.startsWith("/blobs/")) ranges << QString::fromLatin1(r.range);
        QCOMPARE(ranges.last(), QStringLiteral("bytes=%1-").arg(content_.size() / 2));
    }

    void resumesAfterTheDownloaderIsRecreated() {
        qint64 fetched = 0;
        {
            auto d = make(request("restart.gguf"));
            d->retries = 0;
            server_.dropNextAfter(content_.size() / 3);
            d->start();
            QVERIFY(waitFinished(*d));
            QCOMPARE(d->state(), DownloadState::Failed);
            QCOMPARE(d->failure(), DownloadFailure::Network);
            QVERIFY2(d->errorText().contains("kept"), qPrintable(d->errorText()));
            QCOMPARE(QFileInfo(d->partPath()).size(), qint64(content_.size() / 3));
            fetched = d->fetchedBytes();
        } // the app quits here
        auto d = make(request("restart.gguf"));
        // A new session shows where the last one stopped before it asks the host anything.
        QCOMPARE(d->receivedBytes(), qint64(content_.size() / 3));
        QCOMPARE(d->totalBytes(), qint64(content_.size()));
        d->start();
        QVERIFY(waitFinished(*d));
        QVERIFY2(d->state() == DownloadState::Finished, qPrintable(d->errorText()));
        QCOMPARE(readAll(dir_.filePath("restart.gguf")), content_);
        QCOMPARE(fetched + d->fetchedBytes(), qint64(content_.size()));
        QCOMPARE(server_.requests().last().range,
                 QByteArray("bytes=") + QByteArray::number(content_.size() / 3) + '-');
    }

    void pauseKeepsThePartialFileAndResumeContinues() {
        server_.addFile("org/tiny-GGUF", "pause.gguf", content_);
        server_.stallNextAfter(content_.size() / 4); // holds the transfer open while we pause
        auto d = make(request("pause.gguf"));
        QSignalSpy progress(d.get(), &ModelDownload::progressChanged);
        d->start();
        QTRY_VERIFY(d->receivedBytes() >= content_.size() / 4);
        d->pause();
        QCOMPARE(d->state(), DownloadState::Paused);
        QCOMPARE(QFileInfo(d->partPath()).size(), qint64(content_.size() / 4));
        d->resume();
        QVERIFY(waitFinished(*d));
        QCOMPARE(d->state(), DownloadState::Finished);
        QCOMPARE(readAll(dir_.filePath("pause.gguf")), content_);
    }

    void corruptedByteIsAMismatchAndNothingIsInstalled() {
        auto d = make(request("corrupt.gguf"));
        d->start();
        QVERIFY(waitFinished(*d));
        QCOMPARE(d->failure(), DownloadFailure::Mismatch);
        QVERIFY2(d->errorText().contains("damaged"), qPrintable(d->errorText()));
        QVERIFY(!QFileInfo::exists(dir_.filePath("corrupt.gguf")));
        QVERIFY2(!QFileInfo::exists(d->partPath()), "a damaged partial file is not kept for a resume");
    }

    void missingFileIs404() {
        auto d = make(request("nope.gguf"));
        d->start();
        QVERIFY(waitFinished(*d));
        QCOMPARE(d->failure(), DownloadFailure::NotFound);
        QVERIFY2(d->errorText().contains("404") && d->errorText().contains("nope.gguf"),
                 qPrintable(d->errorText()));
        QVERIFY(!QFileInfo::exists(d->partPath()));
    }

    void stalledServerTimesOutWithAMessage() {
        server_.stallNextAfter(1000);
        auto d = make(request("stall.gguf"));
        d->stallTimeoutMs = 1000;
        d->retries = 0;
        d->start();
        QVERIFY(waitFinished(*d));
        QCOMPARE(d->failure(), DownloadFailure::Stalled);
        QVERIFY2(d->errorText().contains("stopped sending data for 1 seconds"), qPrintable(d->errorText()));
        QCOMPARE(QFileInfo(d->partPath()).size(), qint64(1000)); // kept for Resume
    }

    void unreachableHostSaysSo() {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now
        DownloadRequest r = request("full.gguf");
        r.url.setPort(port);
        r.destination = dir_.filePath("unreachable.gguf");
        auto d = make(r);
        d->start();
        QVERIFY(waitFinished(*d));
        QCOMPARE(d->failure(), DownloadFailure::Network);
        QVERIFY2(d->errorText().startsWith("Could not reach 127.0.0.1"), qPrintable(d->errorText()));
        // Settings has no model host; it is on the Models page (found under Xvfb, with no network).
        QVERIFY2(!d->errorText().contains("settings"), qPrintable(d->errorText()));
    }

    void tooLittleDiskSpaceIsRefusedBeforeFetching() {
        const int requestsBefore = server_.requests().size();
        auto d = make(request("big.gguf"));
        d->freeSpace = [](const QString&) { return qint64(1) << 20; }; // 1 MiB free
        d->start();
        QVERIFY(waitFinished(*d));
        QCOMPARE(d->failure(), DownloadFailure::NoSpace);
        QVERIFY2(d->errorText().startsWith("Not enough free disk space for big.gguf"),
                 qPrintable(d->errorText()));
        for (const auto& r : server_.requests().mid(requestsBefore))
            QVERIFY2(r.method == "HEAD", "only the metadata was asked for");
    }

    // The free-space check passed (another program filled the disk meanwhile): the write that fails
    // ends the download with a sentence, keeps every byte written for Resume, and never puts a half
    // file under the model's name.
    void diskFullMidwayKeepsThePartialFileForResume() {
        server_.addFile("org/tiny-GGUF", "fills.gguf", content_);
        const qint64 room = 1000000; // ~1/3 of the file, not a multiple of any network chunk
        auto d = make(request("fills.gguf"));
        d->retries = 3; // a full disk is not retried like a dropped connection
        d->openPartFile = [room](const QString& path) { return std::make_unique<FullDiskFile>(path, room); };
        const int requestsBefore = server_.requests().size();
        d->start();
        QVERIFY(waitFinished(*d));
        QCOMPARE(d->state(), DownloadState::Failed);
        QCOMPARE(d->failure(), DownloadFailure::DiskFull);
        const QString text = d->errorText();
        QVERIFY2(text.contains("the disk is probably full") && text.contains("No space left on device") &&
                     text.contains("are kept in fills.gguf.part") && text.contains("Resume"),
                 qPrintable(text));
        QVERIFY2(!QFileInfo::exists(dir_.filePath("fills.gguf")), "no half file under the final name");
        QCOMPARE(QFileInfo(d->partPath()).size(), room);
        QCOMPARE(readAll(d->partPath()), content_.left(room));
        QCOMPARE(d->receivedBytes(), room);
        int blobGets = 0; // not retried: a second attempt would fail the same way
        for (const auto& r : server_.requests().mid(requestsBefore))
            blobGets += r.method == "GET" && r.path.startsWith("/blobs/");
        QCOMPARE(blobGets, 1);

        // Space freed: Resume asks only for what the file lacks and installs the verified model.
        d->openPartFile = [](const QString& path) { return std::make_unique<QFile>(path); };
        d->resume();
        QVERIFY(waitFinished(*d));
        QVERIFY2(d->state() == DownloadState::Finished, qPrintable(d->errorText()));
        QCOMPARE(readAll(dir_.filePath("fills.gguf")), content_);
        QCOMPARE(server_.requests().last().range, QByteArray("bytes=") + QByteArray::number(room) + '-');
    }

    // The kernel's ENOSPC, not a simulation of it: /dev/full fails every write.
    void devFullGivesTheSystemsReason() {
        if (!QFileInfo::exists("/dev/full")) QSKIP("no /dev/full on this system");
        server_.addFile("org/tiny-GGUF", "devfull.gguf", content_);
        auto d = make(request("devfull.gguf"));
        d->openPartFile = [](const QString&) { return std::make_unique<QFile>(QStringLiteral("/dev/full")); };
        d->start();
        QVERIFY(waitFinished(*d));
        QCOMPARE(d->failure(), DownloadFailure::DiskFull);
        QVERIFY2(d->errorText().contains("No space left on device"), qPrintable(d->errorText()));
        QVERIFY(!QFileInfo::exists(dir_.filePath("devfull.gguf")));
    }

    void pinnedChecksumThatTheHostContradictsIsRefused() {
        DownloadRequest r = request("full.gguf");
        r.destination = dir_.filePath("pinned.gguf");
        r.expectedSha256 = QString(64, 'a');
        auto d = make(r);
        d->start();
        QVERIFY(waitFinished(*d));
        QCOMPARE(d->failure(), DownloadFailure::Mismatch);
        QVERIFY(!QFileInfo::exists(r.destination));
    }

    void cancelDeletesThePartialFile() {
        server_.addFile("org/tiny-GGUF", "cancel.gguf", content_);
        server_.stallNextAfter(content_.size() / 5);
        auto d = make(request("cancel.gguf"));
        d->start();
        QTRY_VERIFY(d->receivedBytes() > 0);
        d->cancel();
        QCOMPARE(d->state(), DownloadState::Cancelled);
        QVERIFY(!QFileInfo::exists(d->partPath()));
        QVERIFY(!QFileInfo::exists(dir_.filePath("cancel.gguf")));
    }
};

QTEST_GUILESS_MAIN(TestModelDownload)
#include "tst_model_download.moc"
