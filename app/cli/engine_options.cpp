#include "engine_options.h"

#include "sosoik/error.h"

#include <charconv>

namespace sosoik::cli {

std::vector<int32_t> parseTokenList(const std::string& text) {
    std::vector<int32_t> ids;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = std::min(text.find(',', start), text.size());
        const char* b = text.data() + start;
        const char* e = text.data() + comma;
        int32_t id = 0;
        const auto [ptr, ec] = std::from_chars(b, e, id);
        if (b == e || ec != std::errc() || ptr != e || id < 0)
            throw Error(Error::Kind::InvalidArgument,
                        "--tokens expects comma-separated token ids (e.g. 1,2,3), got '" + text + "'");
        ids.push_back(id);
        start = comma + 1;
    }
    return ids;
}

LoadOptions takeLoadOptions(Args& args) {
    LoadOptions o;
    if (auto b = args.take({"--backend"})) o.backend = parseBackendKind(*b);
    if (auto d = args.take({"--device"})) {
        try {
            size_t used = 0;
            o.device = std::stoi(*d, &used);
            if (used != d->size()) throw std::invalid_argument(*d);
        } catch (const std::exception&) {
            o.deviceName = *d; // not a number: a substring of the device name
        }
    }
    o.threads = args.takeInt({"--threads", "-t"}, 0);
    if (o.threads < 0) throw Error(Error::Kind::InvalidArgument, "-t must be at least 1 (0: the default)");
    // The cpu backend's 8-bit prompt batches (LoadOptions::cpuFastPrompts), as the app's CPU setting.
    o.cpuFastPrompts = args.flag({"--fast-prompts"});
    return o;
}

std::string takeModelPath(Args& args) {
    auto m = args.take({"-m", "--model"});
    if (!m) throw Error(Error::Kind::InvalidArgument, "missing -m MODEL (a .gguf file)");
    return *m;
}

} // namespace sosoik::cli
