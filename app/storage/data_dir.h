#pragma once
// Where Sosoik keeps its database and settings. `--data-dir DIR` wins, then SOSOIK_DATA_DIR,
// then the platform's application-data location (QStandardPaths::AppDataLocation), so tests
// and users can keep separate profiles. The folder is owner-only (storage/private_files.h).
#include <QString>
#include <QStringList>

namespace sosoik::app {

struct DataDir {
    QString path;              // absolute, created if missing
    bool overridden = false;   // true when chosen by --data-dir or SOSOIK_DATA_DIR
    bool cannotCreate = false; // the directory could not be created
    QStringList tightened;     // what was readable by others and was made private ("." = the folder)

    // Sentences for the user, translated when asked for: the folder is resolved before the UI
    // language is chosen (its settings live in it), and a Korean UI showed them in English.
    QString error() const;  // empty when the directory is usable
    QString notice() const; // empty when nothing had to be made private
};

DataDir resolveDataDir(const QString& commandLineValue);

} // namespace sosoik::app
