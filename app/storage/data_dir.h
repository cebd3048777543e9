#pragma once
// Where Sosoik keeps its database and settings. `--data-dir DIR` wins, then SOSOIK_DATA_DIR,
// then the platform's application-data location (QStandardPaths::AppDataLocation), so tests
// and users can keep separate profiles. The folder is owner-only (storage/private_files.h).
#include <QString>

namespace sosoik::app {

struct DataDir {
    QString path;            // absolute, created if missing
    bool overridden = false; // true when chosen by --data-dir or SOSOIK_DATA_DIR
    QString error;           // non-empty when the directory could not be created
    QString notice;          // non-empty when a folder or file readable by others was made private
};

DataDir resolveDataDir(const QString& commandLineValue);

} // namespace sosoik::app
