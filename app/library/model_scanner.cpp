#include "library/model_scanner.h"
#include "library/model_name.h"

#include "sosoik/error.h"
#include "sosoik/model.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

namespace sosoik::app {
namespace {

// Deep enough for LM Studio's publisher/repository/file and a user's own sorting, shallow enough
// that adding the home folder by mistake does not walk the whole disk.
constexpr int kMaxDepth = 4;

const QRegularExpression& splitPattern() {
    static const QRegularExpression re(QStringLiteral(R"(-(\d{5})-of-(\d{5})\.gguf$)"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

bool isGguf(const QString& fileName) {
    return fileName.endsWith(QLatin1String(".gguf"), Qt::CaseInsensitive);
}

// Plain folders: every *.gguf down to kMaxDepth, named by its path inside the folder.
QList<FoundModelFile> findPlainFiles(const QString& root, ModelOrigin origin) {
    QList<FoundModelFile> out;
    const QDir base(root);
    QList<QPair<QString, int>> pending{{root, 0}};
    while (!pending.isEmpty()) {
        const auto [dir, depth] = pending.takeFirst();
        const QFileInfoList entries =
            QDir(dir).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo& e : entries) {
            if (e.isDir()) {
                if (depth + 1 < kMaxDepth) pending.append({e.filePath(), depth + 1});
                continue;
            }
            if (!isGguf(e.fileName())) continue;
            FoundModelFile f{e.filePath(), base.relativeFilePath(e.filePath()), origin, {}};
            if (const auto m = splitPattern().match(e.fileName()); m.hasMatch()) {
                if (m.captured(1).toInt() != 1) continue; // the first part stands for the set
                f.splitReason =
                    QCoreApplication::translate(
                        "sosoik::app::ModelScanner",
                        "the model is split into %1 files; this version of Sosoik loads single-file models "
                        "(join them with llama.cpp's gguf-split --merge)")
                        .arg(m.captured(2).toInt());
            }
            // Jan keeps <model id>/model.gguf: the folder is the name people know.
            if (origin == ModelOrigin::Jan && e.fileName() == QLatin1String("model.gguf"))
                f.name = base.relativeFilePath(e.path());
            out.append(f);
        }
    }
    return out;
}

// Ollama: manifests/<host>/<namespace>/<model>/<tag> are JSON image manifests whose layer of media
// type application/vnd.ollama.image.model is the GGUF, stored as blobs/sha256-<hex>.
QList<FoundModelFile> findOllamaFiles(const QString& root) {
    QList<FoundModelFile> out;
    const QDir manifests(QDir(root).filePath(QStringLiteral("manifests")));
    QDirIterator it(manifests.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QStringList parts = manifests.relativeFilePath(path).split('/');
        if (parts.size() != 4) continue;
        QFile file(path);
        if (file.size() > (1 << 20) || !file.open(QIODevice::ReadOnly)) continue;
        const QJsonArray layers = QJsonDocument::fromJson(file.readAll()).object().value("layers").toArray();
        for (const QJsonValue& layer : layers) {
            const QJsonObject l = layer.toObject();
            if (l.value("mediaType").toString() != QLatin1String("application/vnd.ollama.image.model"))
                continue;
            QString digest = l.value("digest").toString();
            digest.replace(':', '-');
            static const QRegularExpression safe(QStringLiteral("^sha256-[0-9a-f]{64}$"));
            if (!safe.match(digest).hasMatch()) continue; // never follow a manifest out of the store
            const QString blob = QDir(root).filePath(QStringLiteral("blobs/") + digest);
            if (!QFileInfo(blob).isFile()) continue;
            // Ollama's own spelling: "llama3.2:1b" for the default registry's library, else the path.
            QString name = parts[2] + ':' + parts[3];
            if (parts[1] != QLatin1String("library")) name = parts[1] + '/' + name;
            if (parts[0] != QLatin1String("registry.ollama.ai")) name = parts[0] + '/' + name;
            out.append({blob, name, ModelOrigin::Ollama, {}});
        }
    }
    return out;
}

// Hugging Face cache: models--<org>--<repo>/snapshots/<revision>/<path in repo> (links to blobs/).
QList<FoundModelFile> findHuggingFaceFiles(const QString& root) {
    QList<FoundModelFile> out;
    const QFileInfoList repos = QDir(root).entryInfoList({QStringLiteral("models--*")},
                                                         QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo& repo : repos) {
        const QString repoId = repo.fileName().mid(8).replace(QLatin1String("--"), QLatin1String("/"));
        const QFileInfoList revisions = QDir(repo.filePath() + QStringLiteral("/snapshots"))
                                            .entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo& revision : revisions)
            for (FoundModelFile f : findPlainFiles(revision.filePath(), ModelOrigin::HuggingFace)) {
                f.name = repoId + '/' + f.name;
                out.append(f);
            }
    }
    return out;
}

bool looksLikeOllamaStore(const QString& root) {
    return QFileInfo(QDir(root).filePath(QStringLiteral("manifests"))).isDir() &&
           QFileInfo(QDir(root).filePath(QStringLiteral("blobs"))).isDir();
}

bool looksLikeHuggingFaceCache(const QString& root) {
    return !QDir(root).entryList({QStringLiteral("models--*")}, QDir::Dirs).isEmpty();
}

} // namespace

QString originKey(ModelOrigin origin) {
    switch (origin) {
    case ModelOrigin::Sosoik:
        return QStringLiteral("sosoik");
    case ModelOrigin::UserFolder:
        return QStringLiteral("folder");
    case ModelOrigin::Ollama:
        return QStringLiteral("ollama");
    case ModelOrigin::LmStudio:
        return QStringLiteral("lmstudio");
    case ModelOrigin::Gpt4All:
        return QStringLiteral("gpt4all");
    case ModelOrigin::Jan:
        return QStringLiteral("jan");
    case ModelOrigin::HuggingFace:
        return QStringLiteral("huggingface");
    }
    return {};
}

QString originLabel(ModelOrigin origin) {
    switch (origin) {
    case ModelOrigin::Sosoik:
        return QStringLiteral("Sosoik");
    case ModelOrigin::UserFolder:
        return QString();
    case ModelOrigin::Ollama:
        return QStringLiteral("Ollama");
    case ModelOrigin::LmStudio:
        return QStringLiteral("LM Studio");
    case ModelOrigin::Gpt4All:
        return QStringLiteral("GPT4All");
    case ModelOrigin::Jan:
        return QStringLiteral("Jan");
    case ModelOrigin::HuggingFace:
        return QStringLiteral("Hugging Face");
    }
    return {};
}

QString defaultOwnModelsDir() {
    const QString overrideDir = qEnvironmentVariable("SOSOIK_MODELS_DIR");
    if (!overrideDir.isEmpty()) return overrideDir;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("sosoik/models"));
}

QList<ScanLocation> defaultScanLocations(const QString& ownDir, const QStringList& userDirs,
                                         const QString& home) {
    const QDir h(home);
    QList<ScanLocation> out{{ModelOrigin::Sosoik, ownDir}};
    for (const QString& d : userDirs)
        out.append({ModelOrigin::UserFolder, d});
    const QString ollama = qEnvironmentVariable("OLLAMA_MODELS");
    out.append({ModelOrigin::Ollama, ollama.isEmpty() ? h.filePath(".ollama/models") : ollama});
    out.append({ModelOrigin::LmStudio, h.filePath(".lmstudio/models")});
    out.append({ModelOrigin::LmStudio, h.filePath(".cache/lm-studio/models")});
#if defined(Q_OS_WIN)
    out.append({ModelOrigin::Gpt4All, h.filePath("AppData/Local/nomic.ai/GPT4All")});
    out.append({ModelOrigin::Jan, h.filePath("AppData/Roaming/Jan/data/llamacpp/models")});
#elif defined(Q_OS_MACOS)
    out.append({ModelOrigin::Gpt4All, h.filePath("Library/Application Support/nomic.ai/GPT4All")});
    out.append({ModelOrigin::Jan, h.filePath("Library/Application Support/Jan/data/llamacpp/models")});
#else
    out.append({ModelOrigin::Gpt4All, h.filePath(".local/share/nomic.ai/GPT4All")});
    out.append({ModelOrigin::Jan, h.filePath(".local/share/Jan/data/llamacpp/models")});
#endif
    out.append({ModelOrigin::Jan, h.filePath("jan/models")}); // Jan before 0.6
    QString hf = qEnvironmentVariable("HF_HUB_CACHE");
    if (hf.isEmpty() && qEnvironmentVariableIsSet("HF_HOME"))
        hf = QDir(qEnvironmentVariable("HF_HOME")).filePath("hub");
    out.append({ModelOrigin::HuggingFace, hf.isEmpty() ? h.filePath(".cache/huggingface/hub") : hf});
    return out;
}

QList<FoundModelFile> findModelFiles(const ScanLocation& location) {
    if (location.root.isEmpty() || !QFileInfo(location.root).isDir()) return {};
    switch (location.origin) {
    case ModelOrigin::Ollama:
        return findOllamaFiles(location.root);
    case ModelOrigin::HuggingFace:
        return findHuggingFaceFiles(location.root);
    case ModelOrigin::UserFolder:
        if (looksLikeOllamaStore(location.root)) return findOllamaFiles(location.root);
        if (looksLikeHuggingFaceCache(location.root)) return findHuggingFaceFiles(location.root);
        return findPlainFiles(location.root, location.origin);
    default:
        return findPlainFiles(location.root, location.origin);
    }
}

namespace {
// The engine says why it cannot run a file in English (it is Qt-free); the two reasons users meet most
// (an architecture or a tensor type this build lacks) are said in the UI's language here.
QString translatedReason(const std::string& reason) {
    static const QRegularExpression arch(QStringLiteral("^the architecture '(.+)' is not supported by this "
                                                        "version of Sosoik$"));
    static const QRegularExpression type(QStringLiteral("^its tensor type (.+) is not supported by this "
                                                        "version of Sosoik$"));
    const QString text = QString::fromStdString(reason);
    if (const auto m = arch.match(text); m.hasMatch())
        return QCoreApplication::translate("sosoik::app::ModelScanner",
                                           "the architecture '%1' is not supported by this version of Sosoik")
            .arg(m.captured(1));
    if (const auto m = type.match(text); m.hasMatch())
        return QCoreApplication::translate("sosoik::app::ModelScanner",
                                           "its tensor type %1 is not supported by this version of Sosoik")
            .arg(m.captured(1));
    return text;
}
} // namespace

LocalModel describeModel(const FoundModelFile& file, BackendKind backend) {
    LocalModel m;
    m.path = file.path;
    m.name = file.name;
    m.origin = file.origin;
    m.title = QFileInfo(file.path).fileName();
    m.fileBytes = QFileInfo(file.path).size();
    try {
        const ModelInfo info = inspectModel(file.path.toStdString());
        m.title = readableModelName(QString::fromStdString(info.name), file.path);
        m.architecture = QString::fromStdString(info.architecture);
        m.quantization = QString::fromStdString(info.dominantType);
        m.parameterCount = info.parameterCount;
        m.contextLength = info.contextLength;
        m.footprint = modelFootprint(file.path.toStdString(), backend);
        m.unsupportedReason = translatedReason(m.footprint.unsupportedReason);
        for (const std::string& language : m.footprint.languages)
            m.languages << QString::fromStdString(language);
    } catch (const std::exception& e) {
        m.unsupportedReason = QCoreApplication::translate("sosoik::app::ModelScanner",
                                                          "the file is damaged or not a GGUF model: %1")
                                  .arg(QString::fromUtf8(e.what()));
    }
    if (!file.splitReason.isEmpty()) m.unsupportedReason = file.splitReason;
    if (!m.supported()) m.footprint = {};
    return m;
}

QList<LocalModel> scanModels(const QList<ScanLocation>& locations, BackendKind backend) {
    QList<LocalModel> out;
    QSet<QString> seen;
    for (const ScanLocation& location : locations)
        for (const FoundModelFile& f : findModelFiles(location)) {
            const QString canonical = QFileInfo(f.path).canonicalFilePath();
            if (canonical.isEmpty() || seen.contains(canonical)) continue;
            seen.insert(canonical);
            out.append(describeModel(f, backend));
        }
    return out;
}

} // namespace sosoik::app
