#pragma once
// The real main window's composition root as the GUI tests build it: AppContext with the scripted
// engine (support/scripted_backend.h), a model inspector that only records the path, no Vulkan devices
// and no global hotkey, its data in a profile folder. One place, so that a new AppContextOptions field
// is set once for every such test.
#include "hotkey/global_hotkey.h"
#include "shell/app_context.h"
#include "storage/data_dir.h"
#include "support/scripted_backend.h"

#include <QString>
#include <QVariantList>

#include <memory>

namespace sosoik::app::test {

inline std::unique_ptr<AppContext> makeScriptedContext(const DataDir& dataDir) {
    AppContextOptions options;
    options.dataDir = dataDir;
    options.backend = std::make_unique<ScriptedBackend>();
    options.inspector = [](const QString& path) {
        ModelDetails d;
        d.path = path;
        return d;
    };
    options.devices = [] { return QVariantList(); };
    options.hotkey = std::make_unique<UnavailableGlobalHotkey>(QStringLiteral("test platform"));
    return std::make_unique<AppContext>(std::move(options));
}

// profile: the data folder (created if missing), as if given with --data-dir.
inline std::unique_ptr<AppContext> makeScriptedContext(const QString& profile) {
    return makeScriptedContext(DataDir{profile, true, {}});
}

} // namespace sosoik::app::test
