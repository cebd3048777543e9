#pragma once
// The loaded model as QML reads it (Models.current.path, .name, ...): a gadget with typed properties,
// registered as a value type of the QML module (shell/qml_types.h), so that qmllint and qmlcachegen
// know them; a QVariantMap's keys are unknown to both. Empty (path "") when no model is loaded.
#include "inference/inference_backend.h"

#include <QObject>

namespace sosoik::app {

class LoadedModel {
    Q_GADGET
    Q_PROPERTY(QString path READ path CONSTANT)
    Q_PROPERTY(QString name READ name CONSTANT)
    Q_PROPERTY(QString architecture READ architecture CONSTANT)
    Q_PROPERTY(QString quantization READ quantization CONSTANT)
    Q_PROPERTY(QString backendName READ backendName CONSTANT)
    Q_PROPERTY(QString chatTemplate READ chatTemplate CONSTANT)
    Q_PROPERTY(qint64 fileBytes READ fileBytes CONSTANT)
    Q_PROPERTY(qint64 parameterCount READ parameterCount CONSTANT)
    Q_PROPERTY(int contextLength READ contextLength CONSTANT)
    Q_PROPERTY(bool remote READ remote CONSTANT)
public:
    LoadedModel() = default;
    explicit LoadedModel(const ModelDetails& details) : d_(details) {}

    QString path() const { return d_.path; }
    QString name() const { return d_.name; }
    QString architecture() const { return d_.architecture; }
    QString quantization() const { return d_.quantization; }
    QString backendName() const { return d_.backendName; }
    QString chatTemplate() const { return d_.chatTemplate; }
    qint64 fileBytes() const { return d_.fileBytes; }
    qint64 parameterCount() const { return d_.parameterCount; }
    int contextLength() const { return d_.trainedContext; }
    bool remote() const { return d_.remote; }

private:
    ModelDetails d_;
};

} // namespace sosoik::app
