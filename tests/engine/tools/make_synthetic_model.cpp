// sosoik-synthetic-model: writes a random-weight GGUF (see support/synthetic_model.h) for manual
// testing of the CLI and the GUI without downloading a model.
#include "gguf/tensor_types.h"
#include "support/synthetic_model.h"

#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

using namespace sosoik;

namespace {

gguf::TensorType parseType(const std::string& name) {
    for (uint32_t id = 0; id < 64; ++id)
        if (auto tr = gguf::traits(id); tr && tr->supported && tr->name == name) return gguf::TensorType(id);
    throw std::runtime_error("unknown or unsupported type " + name +
                             " (supported: " + gguf::supportedTypeNames() + ")");
}

int usage() {
    std::fprintf(
        stderr,
        "usage: sosoik-synthetic-model OUT.gguf [--arch llama|qwen2|qwen3|exaone|phi3|gemma2|gemma3|exaone4]\n"
        "       [--type TYPE] [--embd N] [--layers N] [--heads N] [--kv-heads N] [--ff N] [--vocab N] [--ctx N]\n"
        "       [--tied] [--rope-freqs] [--template JINJA] [--seed N]\n");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    test::SyntheticModelSpec s;
    std::string out;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string a = argv[i];
            auto value = [&]() -> std::string {
                if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
                return argv[++i];
            };
            if (a == "--arch")
                s.architecture = value();
            else if (a == "--type")
                s.weightType = s.embeddingType = parseType(value());
            else if (a == "--embd")
                s.nEmbd = std::stoi(value());
            else if (a == "--layers")
                s.nLayer = std::stoi(value());
            else if (a == "--heads")
                s.nHead = std::stoi(value());
            else if (a == "--kv-heads")
                s.nHeadKv = std::stoi(value());
            else if (a == "--ff")
                s.nFf = std::stoi(value());
            else if (a == "--vocab")
                s.nVocab = std::stoi(value());
            else if (a == "--ctx")
                s.contextLength = std::stoi(value());
            else if (a == "--template")
                s.chatTemplate = value();
            else if (a == "--seed")
                s.seed = std::stoull(value());
            else if (a == "--tied")
                s.tiedOutput = true;
            else if (a == "--rope-freqs")
                s.ropeFreqs = true;
            else if (a.starts_with("-"))
                return usage();
            else
                out = a;
        }
        if (out.empty()) return usage();
        test::writeSyntheticModel(s, out);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    std::printf("wrote %s\n", out.c_str());
    return 0;
}
