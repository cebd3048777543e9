#include "args.h"

#include "sosoik/error.h"

#include <algorithm>
#include <cstring>

namespace sosoik::cli {
namespace {
bool matches(const std::string& item, std::initializer_list<const char*> names) {
    return std::any_of(names.begin(), names.end(), [&](const char* n) { return item == n; });
}
} // namespace

std::optional<std::string> Args::take(std::initializer_list<const char*> names) {
    for (size_t i = 0; i < items_.size(); ++i) {
        if (!matches(items_[i], names)) continue;
        if (i + 1 >= items_.size())
            throw Error(Error::Kind::InvalidArgument, "option " + items_[i] + " needs a value");
        std::string value = items_[i + 1];
        items_.erase(items_.begin() + static_cast<long>(i), items_.begin() + static_cast<long>(i) + 2);
        return value;
    }
    return std::nullopt;
}

bool Args::flag(std::initializer_list<const char*> names) {
    auto it =
        std::find_if(items_.begin(), items_.end(), [&](const std::string& s) { return matches(s, names); });
    if (it == items_.end()) return false;
    items_.erase(it);
    return true;
}

int Args::takeInt(std::initializer_list<const char*> names, int fallback) {
    auto v = take(names);
    if (!v) return fallback;
    try {
        size_t used = 0;
        int n = std::stoi(*v, &used);
        if (used == v->size()) return n;
    } catch (...) {
    }
    throw Error(Error::Kind::InvalidArgument, "expected a whole number, got '" + *v + "'");
}

double Args::takeDouble(std::initializer_list<const char*> names, double fallback) {
    auto v = take(names);
    if (!v) return fallback;
    try {
        size_t used = 0;
        double d = std::stod(*v, &used);
        if (used == v->size()) return d;
    } catch (...) {
    }
    throw Error(Error::Kind::InvalidArgument, "expected a number, got '" + *v + "'");
}

std::vector<std::string> Args::positionals() const {
    for (const auto& s : items_)
        if (s.size() > 1 && s[0] == '-' && s != "-")
            throw Error(Error::Kind::InvalidArgument, "unknown option " + s);
    return items_;
}

} // namespace sosoik::cli
