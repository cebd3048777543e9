#pragma once
// What the quick-query popup's QML (tray/QuickQueryPopup.qml) uses besides its controller: the module's
// Theme, Models and Links singletons, provided to a test's engine the way the shell provides them
// (shell/app_context.cpp). Build it before the popup, which loads its QML at construction.
#include "chat/link_guard.h"
#include "inference/engine_worker.h"
#include "models/model_manager.h"
#include "settings/app_settings.h"
#include "shell/qml_services.h"
#include "theme/theme.h"

#include <QFileInfo>
#include <QQmlEngine>
#include <QTemporaryDir>

namespace sosoik::app::test {

struct PopupQml {
    QTemporaryDir dir;
    AppSettings settings{dir.filePath(QStringLiteral("settings.ini"))};
    Theme theme;
    LinkGuard links{[](const QUrl&) { return true; }}; // tests never open a browser
    ModelManager models;

    PopupQml(QQmlEngine* engine, EngineWorker* worker)
        : models(
              worker, &settings,
              [](const QString& path) {
                  ModelDetails d;
                  d.path = path;
                  d.name = QFileInfo(path).baseName();
                  return d;
              },
              [] { return QVariantList{}; }) {
        prepareQmlEngine(engine);
        provideToQml(engine, "Theme", &theme);
        provideToQml(engine, "Models", &models);
        provideToQml(engine, "Links", &links);
    }
};

} // namespace sosoik::app::test
