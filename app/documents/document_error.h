#pragma once
// Every reason a document cannot be read is a DocumentError whose what() is a complete sentence
// meant for the user ("This PDF has no text layer…"), never an error code.
#include <QString>
#include <stdexcept>

namespace sosoik::documents {

class DocumentError : public std::runtime_error {
public:
    enum class Kind {
        NotFound,
        TooLarge,
        Empty,
        Binary,
        Unsupported,
        Encrypted,
        NoTextLayer,
        Corrupt,
        Cancelled
    };
    DocumentError(Kind kind, const QString& message)
        : std::runtime_error(message.toStdString()), kind_(kind) {}
    Kind kind() const { return kind_; }
    QString message() const { return QString::fromStdString(what()); }

private:
    Kind kind_;
};

} // namespace sosoik::documents
