// `sosoik-cli info MODEL`: what a GGUF file holds, from its header and metadata only.
#include "command.h"

#include "backend/backend_registry.h"
#include "gguf/tensor_types.h"

#include "sosoik/error.h"
#include "sosoik/model.h"

#include <cstdio>

namespace sosoik::cli {
namespace {

std::string humanCount(uint64_t n) {
    char buf[32];
    if (n >= 1000000000ull)
        std::snprintf(buf, sizeof buf, "%.2f B", n / 1e9);
    else if (n >= 1000000ull)
        std::snprintf(buf, sizeof buf, "%.2f M", n / 1e6);
    else if (n >= 1000ull)
        std::snprintf(buf, sizeof buf, "%.2f K", n / 1e3);
    else
        std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(n));
    return buf;
}

int runInfo(Args& args) {
    const auto positional = args.positionals();
    if (positional.size() != 1) throw Error(Error::Kind::InvalidArgument, "usage: sosoik-cli info MODEL");
    const ModelInfo i = inspectModel(positional[0]);
    std::printf("file:            %s (%.1f MiB)\n", i.path.c_str(),
                static_cast<double>(i.fileBytes) / (1 << 20));
    std::printf("name:            %s\n", i.name.c_str());
    std::printf("architecture:    %s\n", i.architecture.c_str());
    std::printf("parameters:      %s (%llu)\n", humanCount(i.parameterCount).c_str(),
                static_cast<unsigned long long>(i.parameterCount));
    if (i.blockCount > 0) {
        std::printf("context length:  %d\n", i.contextLength);
        std::printf("embedding:       %d\n", i.embeddingLength);
        std::printf("layers:          %d\n", i.blockCount);
        std::printf("heads:           %d (kv %d)\n", i.headCount, i.headCountKv);
        std::printf("feed-forward:    %d\n", i.feedForwardLength);
        std::printf("vocabulary:      %d\n", i.vocabSize);
        std::printf("rope freq base:  %g\n", i.ropeFreqBase);
        std::printf("rms norm eps:    %g\n", i.rmsNormEps);
    } else {
        std::printf("hyper-params:    (architecture not supported by this engine)\n");
    }
    const char* kind = i.tokenizerKind == "llama"  ? " (SentencePiece)"
                       : i.tokenizerKind == "gpt2" ? " (byte-level BPE)"
                                                   : "";
    std::printf("tokenizer:       %s%s\n", i.tokenizerKind.empty() ? "(none)" : i.tokenizerKind.c_str(),
                kind);
    // The family is "(fallback: chatml)" when the template was not recognized.
    std::string family = i.chatTemplateFamily;
    if (!family.empty() && family.front() != '(') family = "(" + family + ")";
    std::printf("chat template:   %s %s\n", i.hasChatTemplate ? "yes" : "no", family.c_str());
    std::printf("tensor types:   ");
    for (const auto& [type, count] : i.tensorTypeCounts)
        std::printf(" %s×%d", type.c_str(), count);
    std::printf("\n");
    std::printf("dominant type:   %s\n", i.dominantType.c_str());
    // Which backends compute with each type: a file runs on a backend only if all say yes.
    std::printf("type support:   ");
    for (const auto& [type, count] : i.tensorTypeCounts) {
        const auto t = gguf::typeFromName(type);
        std::string runs;
        for (const auto& e : backend::backendRegistry())
            if (t && backend::backendRunsType(e.kind, *t))
                runs += (runs.empty() ? "" : ", ") + std::string(e.name);
        std::printf(" %s (%s)", type.c_str(), runs.empty() ? "unsupported" : runs.c_str());
    }
    std::printf("\n");
    return 0;
}

const RegisterCommand reg{
    {"info", "describe a GGUF model (architecture, sizes, tokenizer, template)",
     "usage: sosoik-cli info MODEL\n\nPrints the architecture, hyper-parameters, parameter "
     "count, tensor type histogram (and which backends run each type), context\nlength, "
     "tokenizer kind and chat template family of a GGUF file without loading its weights.",
     runInfo}};

} // namespace
} // namespace sosoik::cli
