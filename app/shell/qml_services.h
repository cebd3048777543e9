#pragma once
// How the app's QML reaches its C++ objects without context properties or process-wide instances.
// Each object is a singleton of the QML module `Sosoik` (shell/qml_types.h: Chat, Models, Theme, ...),
// and a singleton's factory returns the object that the composition root provided to THAT engine.
// So every engine has its own graph: the GUI tests build several AppContexts (or a bare engine with a
// single controller) in one process, and each sees its own objects. An engine that loads a file
// using an object nobody provided gets a QML error naming it, instead of the old silent
// `typeof x !== "undefined"` fallbacks: whoever loads a file wires what it uses.
#include <QObject>

class QQmlEngine;

namespace sosoik::app {

// Makes the module loadable on `engine`: Qt 6.4 does not search qrc:/qt/qml by itself (6.5 does), and
// the generated type registration sits in a static library that nothing else references.
void prepareQmlEngine(QQmlEngine* engine);

// `object` (owned by the caller, outliving the engine's use of it) becomes the singleton `name` on
// `engine`. QML never deletes it (C++ ownership).
void provideToQml(QQmlEngine* engine, const char* name, QObject* object);

// The object provided as `name` (a QML warning names it when missing). For the singletons' factories.
QObject* providedToQml(QQmlEngine* engine, const char* name);

template <class T> T* qmlService(QQmlEngine* engine, const char* name) {
    return qobject_cast<T*>(providedToQml(engine, name));
}

} // namespace sosoik::app
