// `sosoik-cli models list|scan DIR|verify FILE|pull NAME`: the model library (app/library/) from a
// terminal, with the same scanner, catalog, fit estimate and downloader as the Models page.
#include "command.h"
#include "models_output.h"

#include "library/file_hash.h"
#include "library/model_catalog.h"
#include "library/model_scanner.h"
#include "library/models_folder.h"

#include "sosoik/devices.h"
#include "sosoik/error.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace sosoik::cli {
namespace {
using namespace sosoik::app;

MemoryBudget budgetFor(const std::string& backend) {
    std::vector<DeviceInfo> devices;
    if (backend != "reference") devices = listDevices();
    return memoryBudget(QString::fromStdString(backend), -1, devices, availableRamBytes());
}

int runList(Args& args) {
    const std::string backend = args.take({"--backend"}).value_or("auto");
    const int context = args.takeInt({"--ctx"}, 4096);
    const auto dirs = args.take({"--dir"});
    if (!args.positionals().empty())
        throw Error(Error::Kind::InvalidArgument, "usage: sosoik-cli models list");
    const MemoryBudget budget = budgetFor(backend);
    // Without --dir: the folder chosen in the app's Settings → Models, as the app looks.
    const QString own = dirs ? QString::fromStdString(*dirs) : ownModelsDir(openAppSettings().get());
    const QList<LocalModel> models =
        scanModels(defaultScanLocations(own, {}, QDir::homePath()), budget.backend);
    std::printf("memory for models: %s (%s)\n\n", humanBytes(budget.bytes).c_str(),
                budget.device.isEmpty() ? "RAM" : qPrintable(budget.device));
    std::printf("on this computer (%lld):\n", static_cast<long long>(models.size()));
    for (const LocalModel& m : models)
        printLocalModel(m, context, budget);
    std::printf("\ncatalog (sosoik-cli models pull ID):\n");
    const ModelCatalog catalog = ModelCatalog::builtIn();
    for (const CatalogEntry& e : catalog.entries())
        printCatalogEntry(e, context, budget, QFileInfo::exists(QDir(own).filePath(e.file)));
    return 0;
}

int runScan(Args& args) {
    const std::string backend = args.take({"--backend"}).value_or("auto");
    const int context = args.takeInt({"--ctx"}, 4096);
    const auto positional = args.positionals();
    if (positional.size() != 1)
        throw Error(Error::Kind::InvalidArgument, "usage: sosoik-cli models scan DIR");
    const QString dir = QString::fromStdString(positional[0]);
    if (!QFileInfo(dir).isDir())
        throw Error(Error::Kind::InvalidArgument, "'" + positional[0] + "' is not a folder");
    const MemoryBudget budget = budgetFor(backend);
    const QList<LocalModel> models = scanModels({{ModelOrigin::UserFolder, dir}}, budget.backend);
    for (const LocalModel& m : models)
        printLocalModel(m, context, budget);
    if (models.isEmpty()) std::printf("no GGUF models in %s\n", positional[0].c_str());
    return 0;
}

int runVerify(Args& args) {
    auto expected = QString::fromStdString(args.take({"--sha256"}).value_or(""));
    const auto positional = args.positionals();
    if (positional.size() != 1)
        throw Error(Error::Kind::InvalidArgument, "usage: sosoik-cli models verify FILE");
    const QString path = QString::fromStdString(positional[0]);
    if (!QFileInfo(path).isFile())
        throw Error(Error::Kind::Io, "the file '" + positional[0] + "' does not exist");
    const LocalModel m = describeModel({path, QFileInfo(path).fileName(), ModelOrigin::UserFolder, {}});
    QString error;
    const QString actual = sha256OfFile(path, &error);
    if (actual.isEmpty()) throw Error(Error::Kind::Io, error.toStdString());
    QString source = QStringLiteral("--sha256");
    if (expected.isEmpty()) {
        expected = recordedSha256(path);
        source = QStringLiteral("recorded at download (%1.sha256)").arg(QFileInfo(path).fileName());
    }
    const ModelCatalog catalog = ModelCatalog::builtIn();
    if (const CatalogEntry* e = catalog.find(QFileInfo(path).fileName());
        expected.isEmpty() && e && !e->sha256.isEmpty()) {
        expected = e->sha256;
        source = QStringLiteral("pinned in the catalog");
    }
    std::printf("file:     %s\nsha256:   %s\n", qPrintable(path), qPrintable(actual));
    std::printf("model:    %s\n",
                m.supported() ? qPrintable(m.title + " (" + m.architecture + ", " + m.quantization + ")")
                              : qPrintable("cannot run: " + m.unsupportedReason));
    int status = m.supported() ? 0 : 1;
    if (expected.isEmpty()) {
        std::printf("checksum: none known to compare with (pass --sha256 HEX)\n");
    } else if (expected.compare(actual, Qt::CaseInsensitive) == 0) {
        std::printf("checksum: matches (%s)\n", qPrintable(source));
    } else {
        std::printf("checksum: MISMATCH, expected %s (%s): the file is damaged\n", qPrintable(expected),
                    qPrintable(source));
        status = 1;
    }
    return status;
}

int runModels(Args& args) {
    const std::string sub = args.takeSubcommand().value_or("");
    if (sub == "list") return runList(args);
    if (sub == "scan") return runScan(args);
    if (sub == "verify") return runVerify(args);
    if (sub == "pull") return runModelsPull(args);
    throw Error(Error::Kind::InvalidArgument, "usage: sosoik-cli models list|scan DIR|verify FILE|pull ID");
}

const RegisterCommand reg{
    {"models", "find, check and download models (list, scan DIR, verify FILE, pull ID)",
     "usage: sosoik-cli models list [--backend auto|vulkan|reference] [--ctx N] [--dir MODELS_DIR]\n"
     "       sosoik-cli models scan DIR [--backend B] [--ctx N]\n"
     "       sosoik-cli models verify FILE [--sha256 HEX]\n"
     "       sosoik-cli models pull ID [--dir MODELS_DIR] [--host URL] [--accept-licence]\n\n"
     "MODELS_DIR defaults to the models folder chosen in the app (Settings -> Models; the app's\n"
     "settings are read from $SOSOIK_DATA_DIR/settings.ini when that is set).\n\n"
     "list    every GGUF on this computer (Sosoik's models folder, Ollama, LM Studio, GPT4All, Jan,\n"
     "        the Hugging Face cache) and the recommended catalog, each with a fit estimate for\n"
     "        the device and context (weights + KV cache + scratch against free memory)\n"
     "scan    the models in one folder (a plain folder, an Ollama store or a Hugging Face cache)\n"
     "verify  reads the header and the sha256 of a file and compares it with --sha256, the digest\n"
     "        recorded when Sosoik downloaded it, or the catalog's pinned one\n"
     "pull    downloads a catalog model into the models folder (resumable; sha256-verified;\n"
     "        --host a mirror of huggingface.co; licences that need acceptance need --accept-licence)",
     runModels}};

} // namespace
} // namespace sosoik::cli
