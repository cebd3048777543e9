#pragma once
// Minimal argument reader for sosoik-cli subcommands: `-m X`, `--flag`, `--key value`, positionals.
#include <optional>
#include <string>
#include <vector>

namespace sosoik::cli {

class Args {
public:
    Args(int argc, char** argv, int first) {
        for (int i = first; i < argc; ++i)
            items_.emplace_back(argv[i]);
    }
    // Removes and returns the value of an option given as any of names; throws on a missing value.
    std::optional<std::string> take(std::initializer_list<const char*> names);
    bool flag(std::initializer_list<const char*> names); // removes and reports a boolean flag
    int takeInt(std::initializer_list<const char*> names, int fallback);
    double takeDouble(std::initializer_list<const char*> names, double fallback);
    // Removes and returns the first item when it is not an option (a subcommand such as `models list`).
    std::optional<std::string> takeSubcommand() {
        if (items_.empty() || (items_[0].size() > 1 && items_[0][0] == '-')) return std::nullopt;
        std::string first = items_.front();
        items_.erase(items_.begin());
        return first;
    }
    // What is left once options are taken; an unknown `--option` here is an error.
    std::vector<std::string> positionals() const;

private:
    std::vector<std::string> items_;
};

} // namespace sosoik::cli
