#pragma once
// The recommended models that ship with the app (model_catalog.json, a Qt resource: nothing is
// fetched to show it). Each entry says where the GGUF is published, its licence, and the shape the
// fit estimate needs before anything is downloaded.
#include "sosoik/footprint.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace sosoik::app {

struct CatalogEntry {
    QString id;    // "qwen2.5-0.5b-instruct": what `sosoik-cli models pull` takes
    QString title; // "Qwen2.5 0.5B Instruct"
    QString repo;  // "Qwen/Qwen2.5-0.5B-Instruct-GGUF"
    QString file;  // the GGUF's path in the repository
    QString quantization;
    qint64 approxBytes = 0; // published size, rounded; the exact one comes from the host
    QString sha256;         // pinned when known; else the host's metadata is used
    QString architecture;
    double parametersBillions = 0;
    int layers = 0, kvHeads = 0, headDim = 0, contextLength = 0;
    QStringList languages; // "ko", "en"
    QString licence, licenceUrl;
    bool nonCommercial = false;      // the licence forbids commercial use
    bool requiresAcceptance = false; // the user must accept the licence before the download starts

    // Weights as published + the KV cache of this shape + a fixed 128 MiB, an upper bound on the
    // activations, logits and driver overhead of the <= 4B models listed (VulkanBackend::estimateBytes).
    ModelFootprint footprint(BackendKind backend) const;
    // <base>/<repo>/resolve/main/<file>: Hugging Face's layout, which its mirrors share.
    QUrl downloadUrl(const QUrl& base) const;
};

class ModelCatalog {
public:
    // The catalog compiled into the app.
    static ModelCatalog builtIn();
    // Parses a catalog; on a malformed one returns an empty catalog and sets *error.
    static ModelCatalog fromJson(const QByteArray& json, QString* error = nullptr);

    const QList<CatalogEntry>& entries() const { return entries_; }
    // By id or by file name (case-insensitive); nullptr when unknown.
    const CatalogEntry* find(const QString& idOrFile) const;

private:
    QList<CatalogEntry> entries_;
};

// Where downloads come from unless the user set a mirror (settings, SOSOIK_MODEL_HOST for tests).
QUrl defaultModelHost();

} // namespace sosoik::app
