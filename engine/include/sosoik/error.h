#pragma once
// Every failure the engine reports to a user is a sosoik::Error whose what() is a
// complete, human-readable sentence (no error codes to look up).
#include <stdexcept>
#include <string>

namespace sosoik {

class Error : public std::runtime_error {
public:
    enum class Kind { InvalidModel, Unsupported, Io, OutOfMemory, Device, Cancelled, InvalidArgument };
    Error(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

} // namespace sosoik
