// `sosoik-cli models pull ID`: downloads a catalog model with the app's downloader (resumable,
// sha256-verified, disk space checked), printing progress on stderr.
#include "models_output.h"

#include "library/model_catalog.h"
#include "library/model_download.h"
#include "library/model_scanner.h"
#include "library/models_folder.h"

#include "sosoik/error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>

#include <cstdio>

namespace sosoik::cli {

int runModelsPull(Args& args) {
    using namespace sosoik::app;
    const auto dirArg = args.take({"--dir"});
    const QString dir = dirArg ? QString::fromStdString(*dirArg) : ownModelsDir(openAppSettings().get());
    const auto hostArg = args.take({"--host"});
    const bool accepted = args.flag({"--accept-licence", "--accept-license"});
    const auto positional = args.positionals();
    if (positional.size() != 1) throw Error(Error::Kind::InvalidArgument, "usage: sosoik-cli models pull ID");
    const ModelCatalog catalog = ModelCatalog::builtIn();
    const CatalogEntry* entry = catalog.find(QString::fromStdString(positional[0]));
    if (!entry)
        throw Error(Error::Kind::InvalidArgument,
                    "'" + positional[0] + "' is not in the catalog (sosoik-cli models list shows the IDs)");
    if (entry->requiresAcceptance && !accepted) {
        std::fprintf(stderr,
                     "%s is licensed under the %s%s:\n  %s\nRead it, then run again with --accept-licence.\n",
                     qPrintable(entry->title), qPrintable(entry->licence),
                     entry->nonCommercial ? " (non-commercial use only)" : "", qPrintable(entry->licenceUrl));
        return 2;
    }
    const QString destination = QDir(dir).filePath(entry->file);
    if (QFileInfo::exists(destination)) {
        std::printf("%s is already installed: %s\n", qPrintable(entry->id), qPrintable(destination));
        return 0;
    }
    const QUrl host = hostArg ? QUrl(QString::fromStdString(*hostArg)) : defaultModelHost();
    if (!host.isValid() || host.scheme().isEmpty())
        throw Error(Error::Kind::InvalidArgument, "--host needs a URL such as https://huggingface.co");

    int argc = 1;
    char name[] = "sosoik-cli";
    char* argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    QNetworkAccessManager nam;
    ModelDownload download(&nam, {entry->downloadUrl(host), destination, entry->sha256});
    QObject::connect(&download, &ModelDownload::progressChanged, [&] {
        if (download.totalBytes() <= 0) return;
        std::fprintf(stderr, "\r%s: %s of %s, %s/s   ", qPrintable(entry->id),
                     humanBytes(quint64(download.receivedBytes())).c_str(),
                     humanBytes(quint64(download.totalBytes())).c_str(),
                     humanBytes(quint64(download.bytesPerSecond())).c_str());
    });
    QObject::connect(&download, &ModelDownload::stateChanged, [&] {
        if (download.state() == DownloadState::Verifying) std::fprintf(stderr, "\nchecking sha256...\n");
    });
    QObject::connect(&download, &ModelDownload::finished, &app, &QCoreApplication::quit);
    std::fprintf(stderr, "downloading %s from %s\n", qPrintable(entry->file), qPrintable(host.host()));
    download.start();
    if (download.state() != DownloadState::Failed) app.exec();
    if (download.state() != DownloadState::Finished)
        throw Error(Error::Kind::Io, download.errorText().toStdString());
    std::printf("installed %s (sha256 verified)\n", qPrintable(destination));
    return 0;
}

} // namespace sosoik::cli
