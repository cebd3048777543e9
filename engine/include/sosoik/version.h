#pragma once
#include <string_view>

namespace sosoik {
std::string_view versionString(); // "0.1.0"
} // namespace sosoik
