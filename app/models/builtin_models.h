#pragma once
// The small models that ship with Sosoik so that a first launch can answer at once: the Korean
// small-talk demo trained by tools/demo-model (in the source tree and the package) and
// SmolLM2-135M-Instruct (fetched by installer/fetch-models.sh, carried by the .deb). They are
// looked up by file name in a list of folders; the first folder that has a file wins.
#include <QList>
#include <QString>
#include <QStringList>

namespace sosoik::app {

struct BuiltinModel {
    QString fileName; // e.g. "sosoik-demo-ko.gguf"
    QString title;    // shown in the model picker
    QString name;     // the model's name wherever the loaded model is named (top bar, tray): its file
                      // name and GGUF name ("Smollm2 135M 8k Lc100K Mix1 Ep2") are not names people know
    QString language; // "ko" or "en": the UI language it is the default for
    QString path;     // absolute path where it was found; empty when absent
};

class BuiltinModels {
public:
    static const QString kDemoFile;    // the Korean/English small-talk demo
    static const QString kSmolLM2File; // SmolLM2-135M-Instruct Q4_1

    explicit BuiltinModels(QStringList searchDirs = defaultSearchDirs());

    // SOSOIK_MODELS_DIR (tests, portable installs), then <data>/sosoik/models in the XDG data
    // dirs (the set-up's ~/.local/share, the package's /usr/share), then ../share/sosoik/models
    // beside the binary (installed, or a build tree's link to resources/models).
    static QStringList defaultSearchDirs();

    QList<BuiltinModel> all() const; // every known built-in model, found or not
    QList<BuiltinModel> available() const;
    // The model to load when none is configured: the one for uiLanguage, else any other found;
    // empty when no built-in model is installed.
    QString defaultFor(const QString& uiLanguage) const;
    bool isBuiltin(const QString& path) const;
    // The built-in model's name (BuiltinModel::name, in the current UI language) for its path; empty for
    // any other file.
    QString nameFor(const QString& path) const;

private:
    QString locate(const QString& fileName) const;
    QStringList dirs_;
};

} // namespace sosoik::app
