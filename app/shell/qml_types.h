#pragma once
// The C++ objects the app's QML reaches, as singletons of the QML module `Sosoik` (`import Sosoik`,
// then `Chat.send(...)`, `Theme.window`, ...). The features' classes stay free of QML registration
// macros: each is registered here, in the composition root, as a foreign type (QML_FOREIGN), and
// each singleton's create() returns the object AppContext (or a test) provided to the asking engine
// (shell/qml_services.h says why per engine). qmltyperegistrar reads these declarations at build time
// and qmllint checks the QML against the classes' properties (their metatypes, app/CMakeLists.txt).
// One block per singleton, written out: moc does not expand a macro that would write them.
#include "chat/chat_controller.h"
#include "chat/chat_message_model.h"
#include "chat/link_guard.h"
#include "dialogs/dialog_folders.h"
#include "history/conversation_list_model.h"
#include "history/history_controller.h"
#include "history/search_results_model.h"
#include "hotkey/hotkey_settings.h"
#include "models/catalog_list_model.h"
#include "models/loaded_model.h"
#include "models/model_library.h"
#include "models/model_manager.h"
#include "models/recent_models.h"
#include "remote/ui/remote_engine_controller.h"
#include "server/ui/server_controller.h"
#include "settings/app_settings.h"
#include "settings/language_switcher.h"
#include "shell/app_info.h"
#include "shell/qml_services.h"
#include "summarize/ui/summary_controller.h"
#include "theme/theme.h"
#include "tray/background_settings.h"

#include <QJSEngine>
#include <QtQml/qqml.h>

namespace sosoik::app::qml {

struct LinksSingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::app::LinkGuard)
    QML_NAMED_ELEMENT(Links)
    QML_SINGLETON
public:
    static sosoik::app::LinkGuard* create(QQmlEngine* engine, QJSEngine*) {
        return qmlService<sosoik::app::LinkGuard>(engine, "Links");
    }
};

struct AppSettingsSingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::app::AppSettings)
    QML_NAMED_ELEMENT(AppSettings)
    QML_SINGLETON
public:
    static sosoik::app::AppSettings* create(QQmlEngine* engine, QJSEngine*) {
        return qmlService<sosoik::app::AppSettings>(engine, "AppSettings");
    }
};

struct ThemeSingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::app::Theme)
    QML_NAMED_ELEMENT(Theme)
    QML_SINGLETON
public:
    static sosoik::app::Theme* create(QQmlEngine* engine, QJSEngine*) {
        return qmlService<sosoik::app::Theme>(engine, "Theme");
    }
};

struct ChatSingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::app::ChatController)
    QML_NAMED_ELEMENT(Chat)
    QML_SINGLETON
public:
    static sosoik::app::ChatController* create(QQmlEngine* engine, QJSEngine*) {
        return qmlService<sosoik::app::ChatController>(engine, "Chat");
    }
};

struct ModelsSingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::app::ModelManager)
    QML_NAMED_ELEMENT(Models)
    QML_SINGLETON
public:
    static sosoik::app::ModelManager* create(QQmlEngine* engine, QJSEngine*) {
        return qmlService<sosoik::app::ModelManager>(engine, "Models");
    }
};

struct LibrarySingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::app::ModelLibrary)
    QML_NAMED_ELEMENT(Library)
    QML_SINGLETON
public:
    static sosoik::app::ModelLibrary* create(QQmlEngine* engine, QJSEngine*) {
        return qmlService<sosoik::app::ModelLibrary>(engine, "Library");
    }
};

struct SummariesSingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::summarize::SummaryController)
    QML_NAMED_ELEMENT(Summaries)
    QML_SINGLETON
public:
    static sosoik::summarize::SummaryController* create(QQmlEngine* engine, QJSEngine*) {
        return qmlService<sosoik::summarize::SummaryController>(engine, "Summaries");
    }
};

struct LanguageSingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::app::LanguageSwitcher)
    QML_NAMED_ELEMENT(Language)
    QML_SINGLETON
public:
    static sosoik::app::LanguageSwitcher* create(QQmlEngine* engine, QJSEngine*) {
        return qmlService<sosoik::app::LanguageSwitcher>(engine, "Language");
    }
};

struct HistorySingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::history::HistoryController)
    QML_NAMED_ELEMENT(History)
    QML_SINGLETON
public:
    static sosoik::history::HistoryController* create(QQmlEngine* engine, QJSEngine*) {
        return qmlService<sosoik::history::HistoryController>(engine, "History");
    }
};

struct RemoteEngineSingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::app::RemoteEngineController)
    QML_NAMED_ELEMENT(RemoteEngine)
    QML_SINGLETON
public:
    static sosoik::app::RemoteEngineController* create(QQmlEngine* engine, QJSEngine*) {
        return qmlService<sosoik::app::RemoteEngineController>(engine, "RemoteEngine");
    }
};

struct ApiServerSingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::app::ServerController)
    QML_NAMED_ELEMENT(ApiServer)
    QML_SINGLETON
public:
    static sosoik::app::ServerController* create(QQmlEngine* engine, QJSEngine*) {
        return qmlService<sosoik::app::ServerController>(engine, "ApiServer");
    }
};

struct AppInfoSingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::app::AppInfo)
    QML_NAMED_ELEMENT(AppInfo)
    QML_SINGLETON
public:
    static sosoik::app::AppInfo* create(QQmlEngine* engine, QJSEngine*) {
        return qmlService<sosoik::app::AppInfo>(engine, "AppInfo");
    }
};

struct HotkeySettingsSingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::app::HotkeySettings)
    QML_NAMED_ELEMENT(HotkeySettings)
    QML_SINGLETON
public:
    static sosoik::app::HotkeySettings* create(QQmlEngine* engine, QJSEngine*) {
        return qmlService<sosoik::app::HotkeySettings>(engine, "HotkeySettings");
    }
};

struct BackgroundSettingsSingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::app::BackgroundSettings)
    QML_NAMED_ELEMENT(BackgroundSettings)
    QML_SINGLETON
public:
    static sosoik::app::BackgroundSettings* create(QQmlEngine* engine, QJSEngine*) {
        return qmlService<sosoik::app::BackgroundSettings>(engine, "BackgroundSettings");
    }
};

// Each engine gets its own, owned by the engine, keeping its last folders in the app's settings (when an
// AppSettings was provided to that engine).
struct DialogFoldersSingleton {
    Q_GADGET
    QML_FOREIGN(sosoik::app::DialogFolders)
    QML_NAMED_ELEMENT(DialogFolders)
    QML_SINGLETON
public:
    static sosoik::app::DialogFolders* create(QQmlEngine* engine, QJSEngine*) {
        auto* settings = qmlService<sosoik::app::AppSettings>(engine, "AppSettings");
        return new sosoik::app::DialogFolders(settings ? &settings->store() : nullptr);
    }
};

// The list models the singletons hand out as properties (Chat.messages, Library.catalog, ...), without a
// QML name (QML never creates one): registered so that qmllint and qmlcachegen know their type ("Type
// sosoik::app::ChatMessageModel of property messages not found" otherwise).
struct ChatMessageModelType {
    Q_GADGET
    QML_FOREIGN(sosoik::app::ChatMessageModel)
    QML_ANONYMOUS
};

struct CatalogListModelType {
    Q_GADGET
    QML_FOREIGN(sosoik::app::CatalogListModel)
    QML_ANONYMOUS
};

struct RecentModelsType {
    Q_GADGET
    QML_FOREIGN(sosoik::app::RecentModels)
    QML_ANONYMOUS
};

struct LoadedModelType { // Models.current: a value type (a gadget), read as Models.current.path
    Q_GADGET
    QML_FOREIGN(sosoik::app::LoadedModel)
    QML_ANONYMOUS
};

struct ConversationListModelType {
    Q_GADGET
    QML_FOREIGN(sosoik::history::ConversationListModel)
    QML_ANONYMOUS
};

struct SearchResultsModelType {
    Q_GADGET
    QML_FOREIGN(sosoik::history::SearchResultsModel)
    QML_ANONYMOUS
};

} // namespace sosoik::app::qml
