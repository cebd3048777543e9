#pragma once
// A GGUF file the model library found on this computer, described from its header: what the Models
// page shows in a row and what `sosoik-cli models list` prints.
#include "sosoik/footprint.h"

#include <QString>
#include <QStringList>

namespace sosoik::app {

// Who put the file there; models of other apps are used in place, never copied.
enum class ModelOrigin { Sosoik, UserFolder, Ollama, LmStudio, Gpt4All, Jan, HuggingFace };

// "sosoik", "folder", "ollama", "lmstudio", "gpt4all", "jan", "huggingface" (for the CLI and QML).
QString originKey(ModelOrigin origin);
// The app's name as people know it ("Ollama", "LM Studio", ...), untranslated brand names.
QString originLabel(ModelOrigin origin);

struct LocalModel {
    QString path; // the GGUF file (for Ollama: the blob the manifest names)
    QString name; // as its owner names it: "llama3.2:1b", "Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf"
    ModelOrigin origin = ModelOrigin::UserFolder;
    QString title;        // general.name, else the file name
    QString architecture; // general.architecture ("" when unreadable)
    QString quantization; // the dominant tensor type ("Q4_K", "Q8_0", ...)
    qint64 fileBytes = 0;
    quint64 parameterCount = 0;
    int contextLength = 0;            // trained context
    QStringList languages;            // general.languages, when the file says
    QString unsupportedReason;        // "" when this build runs it; else why not, in words
    sosoik::ModelFootprint footprint; // for the fit estimate (zero when unsupported)

    bool supported() const { return unsupportedReason.isEmpty(); }
};

} // namespace sosoik::app
