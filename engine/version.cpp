#include "sosoik/version.h"

namespace sosoik {
std::string_view versionString() {
    return SOSOIK_VERSION;
}
} // namespace sosoik
