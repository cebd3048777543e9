#include "library/model_catalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace sosoik::app {

ModelFootprint CatalogEntry::footprint(BackendKind backend) const {
    ModelFootprint fp;
    fp.trainedContext = contextLength;
    fp.weightBytes = quint64(approxBytes);
    // f16 K and V on Vulkan, f32 on the reference backend (as modelFootprint says for a file).
    const quint64 bytesPerValue = backend == BackendKind::Reference ? 4 : 2;
    fp.kvBytesPerToken = 2ull * quint64(layers) * quint64(kvHeads) * quint64(headDim) * bytesPerValue;
    fp.fixedBytes = 128ull << 20;
    return fp;
}

QUrl CatalogEntry::downloadUrl(const QUrl& base) const {
    QUrl url(base);
    QString path = url.path();
    if (!path.endsWith('/')) path += '/';
    url.setPath(path + repo + QStringLiteral("/resolve/main/") + file);
    return url;
}

ModelCatalog ModelCatalog::builtIn() {
    QFile file(QStringLiteral(":/sosoik/library/model_catalog.json"));
    if (!file.open(QIODevice::ReadOnly)) return {};
    return fromJson(file.readAll());
}

ModelCatalog ModelCatalog::fromJson(const QByteArray& json, QString* error) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    ModelCatalog catalog;
    auto fail = [&](const QString& why) {
        if (error) *error = why;
        catalog.entries_.clear();
        return catalog;
    };
    if (doc.isNull()) return fail(parseError.errorString());
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    static const QRegularExpression repoPattern(QStringLiteral("^[A-Za-z0-9._-]+/[A-Za-z0-9._-]+$"));
    for (const QJsonValue& v : doc.object().value("models").toArray()) {
        const QJsonObject o = v.toObject();
        CatalogEntry e;
        e.id = o.value("id").toString();
        e.title = o.value("title").toString();
        e.repo = o.value("repo").toString();
        e.file = o.value("file").toString();
        e.quantization = o.value("quant").toString();
        e.approxBytes = qint64(o.value("approx_bytes").toDouble());
        e.sha256 = o.value("sha256").toString();
        e.architecture = o.value("architecture").toString();
        e.parametersBillions = o.value("parameters_b").toDouble();
        e.layers = o.value("layers").toInt();
        e.kvHeads = o.value("kv_heads").toInt();
        e.headDim = o.value("head_dim").toInt();
        e.contextLength = o.value("context").toInt();
        for (const QJsonValue& l : o.value("languages").toArray())
            e.languages << l.toString();
        e.licence = o.value("licence").toString();
        e.licenceUrl = o.value("licence_url").toString();
        e.nonCommercial = o.value("non_commercial").toBool();
        e.requiresAcceptance = o.value("requires_acceptance").toBool() || e.nonCommercial;
        // The file name becomes a path on disk and in a URL: no separators, no climbing out.
        if (e.id.isEmpty() || !repoPattern.match(e.repo).hasMatch() ||
            !e.file.endsWith(QLatin1String(".gguf")) || e.file.contains('/') ||
            e.file.contains(QLatin1String("..")) || e.approxBytes <= 0 || e.layers <= 0 || e.kvHeads <= 0 ||
            e.headDim <= 0 || e.licence.isEmpty())
            return fail(QStringLiteral("catalog entry '%1' is incomplete").arg(e.id));
        if (!e.sha256.isEmpty() && !hex.match(e.sha256).hasMatch())
            return fail(QStringLiteral("catalog entry '%1' has a malformed sha256").arg(e.id));
        catalog.entries_.append(e);
    }
    if (catalog.entries_.isEmpty()) return fail(QStringLiteral("the catalog lists no models"));
    return catalog;
}

const CatalogEntry* ModelCatalog::find(const QString& idOrFile) const {
    for (const CatalogEntry& e : entries_)
        if (e.id.compare(idOrFile, Qt::CaseInsensitive) == 0 ||
            e.file.compare(idOrFile, Qt::CaseInsensitive) == 0)
            return &e;
    return nullptr;
}

QUrl defaultModelHost() {
    const QString host = qEnvironmentVariable("SOSOIK_MODEL_HOST");
    return QUrl(host.isEmpty() ? QStringLiteral("https://huggingface.co") : host);
}

} // namespace sosoik::app
