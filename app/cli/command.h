#pragma once
// Each subcommand lives in its own cmd_*.cpp and registers itself here, so adding one
// touches no shared file.
#include "args.h"

#include <functional>
#include <string>
#include <vector>

namespace sosoik::cli {

struct Command {
    std::string name;
    std::string summary; // one line for `sosoik-cli --help`
    std::string usage;   // full usage for `sosoik-cli help NAME`
    std::function<int(Args&)> run;
};

std::vector<Command>& commandRegistry();

struct RegisterCommand {
    explicit RegisterCommand(Command c) { commandRegistry().push_back(std::move(c)); }
};

} // namespace sosoik::cli
