#pragma once
// What the About box and the Settings dialog show about this installation (QML: AppInfo).
#include <QObject>
#include <QString>

namespace sosoik::app {

class AppInfo : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
public:
    AppInfo(QString dataDir, QString version, QObject* parent = nullptr)
        : QObject(parent), dataDir_(std::move(dataDir)), version_(std::move(version)) {}
    QString dataDir() const { return dataDir_; }
    QString version() const { return version_; }

private:
    QString dataDir_;
    QString version_;
};

} // namespace sosoik::app
