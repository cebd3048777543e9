#pragma once
// Finds the GGUF models on this computer: Sosoik's own models folder, folders the user added, and
// the model stores of other apps, read in place (Ollama's manifests name their blobs; LM Studio,
// GPT4All and Jan keep plain files; the Hugging Face cache keeps snapshots of repositories). Each
// file is described from its header through the engine's validated reader; files this build
// cannot run are listed with the reason.
#include "library/local_model.h"

#include <QList>
#include <QStringList>

namespace sosoik::app {

struct ScanLocation {
    ModelOrigin origin = ModelOrigin::UserFolder;
    QString root;
};

// Where each app keeps its models on this platform, under home (tests pass a fixture home):
// ownDir first, then userDirs, then Ollama ($OLLAMA_MODELS or ~/.ollama/models), LM Studio
// (~/.lmstudio/models, ~/.cache/lm-studio/models), GPT4All, Jan and the Hugging Face cache
// ($HF_HUB_CACHE, $HF_HOME/hub or ~/.cache/huggingface/hub). Missing folders are kept (cheap to skip).
QList<ScanLocation> defaultScanLocations(const QString& ownDir, const QStringList& userDirs,
                                         const QString& home);

// Sosoik's own models folder: $SOSOIK_MODELS_DIR, else <generic data>/sosoik/models, where
// installer/fetch-models.sh and the built-in models live and downloads go.
QString defaultOwnModelsDir();

// A file found in a location, before its header is read.
struct FoundModelFile {
    QString path;
    QString name; // as the owning app names it
    ModelOrigin origin = ModelOrigin::UserFolder;
    QString splitReason; // a multi-part model ("-00001-of-00003"): why it is not loadable as is
};

// The model files in one location, by its layout. A folder given as UserFolder that is laid out
// like an Ollama store or a Hugging Face cache is read as one.
QList<FoundModelFile> findModelFiles(const ScanLocation& location);

// Reads a file's header (never its weights). A damaged file is described, not thrown.
LocalModel describeModel(const FoundModelFile& file, BackendKind backend = BackendKind::Auto);

// Every model in the locations, each file once (by canonical path; the first location wins).
QList<LocalModel> scanModels(const QList<ScanLocation>& locations, BackendKind backend = BackendKind::Auto);

} // namespace sosoik::app
