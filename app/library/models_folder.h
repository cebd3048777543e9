#pragma once
// Sosoik's own models folder (issue #18): where downloads go and where Sosoik looks first. The user
// chooses it in Settings → Models (ModelLibrary::setModelsDir); sosoik-cli reads the same choice from
// the app's settings file, so `sosoik-cli models list|pull` look where the app looks.
#include <QSettings>
#include <QString>

#include <memory>

namespace sosoik::app {

inline constexpr char kModelsDirKey[] = "library/modelsDir";

// The folder chosen in the settings (store may be null), else fallback, else defaultOwnModelsDir()
// ($SOSOIK_MODELS_DIR or <generic data>/sosoik/models): an explicit choice beats the environment.
QString ownModelsDir(const QSettings* store, const QString& fallback = {});

// The app's settings as another process finds them: <SOSOIK_DATA_DIR>/settings.ini when the data
// folder is overridden (the app keeps its settings there then), else the platform's place for
// Sosoik/Sosoik (the names the app registers).
std::unique_ptr<QSettings> openAppSettings();

// Why path cannot be the models folder, as the end of a sentence; empty when it can. A missing
// folder is created.
QString modelsFolderProblem(const QString& path);

// What lies directly in a models folder: GGUF files and unfinished downloads (<file>.part).
struct ModelsFolderContents {
    int models = 0;
    int partials = 0;
};
ModelsFolderContents modelsFolderContents(const QString& dir);

} // namespace sosoik::app
