// sosoik-cli: scriptable front end. stdout carries only results; diagnostics go to stderr
// as `error: …` with a non-zero exit code.
#include "command.h"
#include "interrupt.h"

#include "sosoik/error.h"
#include "sosoik/version.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <exception>
#include <sys/stat.h>

namespace sosoik::cli {

std::vector<Command>& commandRegistry() {
    static std::vector<Command> commands;
    return commands;
}

namespace {

void printHelp() {
    auto commands = commandRegistry();
    std::sort(commands.begin(), commands.end(), [](auto& a, auto& b) { return a.name < b.name; });
    std::printf("sosoik-cli %s — offline LLM engine (GGUF models on Vulkan GPUs)\n\n",
                std::string(versionString()).c_str());
    std::printf("usage: sosoik-cli COMMAND [OPTIONS]\n\ncommands:\n");
    for (const auto& c : commands)
        std::printf("  %-10s %s\n", c.name.c_str(), c.summary.c_str());
    std::printf("\n  sosoik-cli help COMMAND   options of one command\n"
                "  sosoik-cli --version      print the version\n");
}

const Command* find(const char* name) {
    for (const auto& c : commandRegistry())
        if (c.name == name) return &c;
    return nullptr;
}

} // namespace
} // namespace sosoik::cli

int main(int argc, char** argv) {
    using namespace sosoik::cli;
    ::umask(077);         // whatever a command writes (summaries, spools) is the user's alone
    interrupt::install(); // Ctrl-C: every command stops within a second with exit code 130
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        printHelp();
        return argc < 2 ? 1 : 0;
    }
    if (!std::strcmp(argv[1], "--version")) {
        std::printf("sosoik-cli %s\n", std::string(sosoik::versionString()).c_str());
        return 0;
    }
    if (!std::strcmp(argv[1], "help")) {
        const Command* c = argc > 2 ? find(argv[2]) : nullptr;
        if (!c) {
            printHelp();
            return argc > 2 ? 1 : 0;
        }
        std::printf("%s\n", c->usage.c_str());
        return 0;
    }
    const Command* command = find(argv[1]);
    if (!command) {
        std::fprintf(stderr, "error: unknown command '%s' (see sosoik-cli --help)\n", argv[1]);
        return 2;
    }
    try {
        Args args(argc, argv, 2);
        if (args.flag({"--help", "-h"})) {
            std::printf("%s\n", command->usage.c_str());
            return 0;
        }
        return command->run(args);
    } catch (const sosoik::Error& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return e.kind() == sosoik::Error::Kind::InvalidArgument ? 2 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}
