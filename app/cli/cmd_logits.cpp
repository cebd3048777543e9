// `sosoik-cli logits`: the logits of every position of a token sequence, as raw little-endian
// float32 (n_tokens × n_vocab, row-major), for comparing backends and implementations.
#include "command.h"
#include "engine_options.h"

#include "sosoik/error.h"
#include "sosoik/model.h"
#include "sosoik/session.h"

#include <bit>
#include <cstdio>
#include <memory>

namespace sosoik::cli {
namespace {

static_assert(std::endian::native == std::endian::little,
              "logits are written in native (little-endian) order");

int runLogits(Args& args) {
    const std::string modelPath = takeModelPath(args);
    const auto tokenList = args.take({"--tokens"});
    const auto out = args.take({"--out", "-o"});
    const LoadOptions load = takeLoadOptions(args);
    if (!args.positionals().empty())
        throw Error(Error::Kind::InvalidArgument, "unexpected argument '" + args.positionals()[0] + "'");
    if (!tokenList) throw Error(Error::Kind::InvalidArgument, "missing --tokens ID,ID,...");
    if (!out) throw Error(Error::Kind::InvalidArgument, "missing --out FILE");
    const auto tokens = parseTokenList(*tokenList);

    auto model = Model::load(modelPath, load);
    if (!model->info().backendFallbackReason.empty())
        std::fprintf(stderr, "note: using the %s backend (%s)\n", model->info().backendName.c_str(),
                     model->info().backendFallbackReason.c_str());
    auto session = Session::create(*model, static_cast<int>(tokens.size()));
    const auto logits = session->decode(tokens, true);

    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(out->c_str(), "wb"), &std::fclose);
    if (!f) throw Error(Error::Kind::Io, "cannot create " + *out);
    if (std::fwrite(logits.data(), sizeof(float), logits.size(), f.get()) != logits.size() ||
        std::fflush(f.get()) != 0)
        throw Error(Error::Kind::Io, "cannot write " + *out + " (disk full?)");
    std::fprintf(stderr, "wrote %zu × %d logits to %s (backend %s)\n", tokens.size(), model->info().vocabSize,
                 out->c_str(), model->info().backendName.c_str());
    return 0;
}

const RegisterCommand reg{
    {"logits", "write the logits of every position of a token sequence",
     "usage: sosoik-cli logits -m MODEL --tokens ID,ID,... --out FILE\n"
     "                         [--backend auto|vulkan|cpu|reference] [--device N|NAME] [-t N]\n"
     "                         [--fast-prompts]\n\n"
     "Writes n_tokens × n_vocab little-endian float32 values, row-major (one row per "
     "position).",
     runLogits}};

} // namespace
} // namespace sosoik::cli
