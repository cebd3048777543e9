// `sosoik-cli run`: plain text completion. stdout carries only the generated text (flushed as
// it is produced); timings go to stderr.
#include "command.h"
#include "engine_options.h"
#include "interrupt.h"

#include "sosoik/chat_template.h"
#include "sosoik/error.h"
#include "sosoik/generate.h"
#include "sosoik/model.h"
#include "sosoik/session.h"
#include "sosoik/tokenizer.h"

#include <cstdio>

namespace sosoik::cli {
namespace {

int runRun(Args& args) {
    const std::string modelPath = takeModelPath(args);
    const auto prompt = args.take({"-p", "--prompt"});
    const auto tokenList = args.take({"--tokens"});
    const bool chat = args.flag({"--chat"});
    const auto system = args.take({"--system"});
    const bool verbosePrompt = args.flag({"--verbose-prompt"});
    GenerateOptions options;
    options.maxNewTokens = args.takeInt({"-n", "--n-predict"}, 128);
    options.sampler.temperature =
        static_cast<float>(args.takeDouble({"--temp"}, options.sampler.temperature));
    options.sampler.topK = args.takeInt({"--top-k"}, options.sampler.topK);
    options.sampler.topP = static_cast<float>(args.takeDouble({"--top-p"}, options.sampler.topP));
    options.sampler.minP = static_cast<float>(args.takeDouble({"--min-p"}, options.sampler.minP));
    options.sampler.repeatPenalty =
        static_cast<float>(args.takeDouble({"--repeat-penalty"}, options.sampler.repeatPenalty));
    if (auto seed = args.take({"--seed"})) {
        try {
            options.sampler.seed = std::stoull(*seed);
        } catch (const std::exception&) {
            throw Error(Error::Kind::InvalidArgument,
                        "--seed expects a non-negative whole number, got '" + *seed + "'");
        }
    }
    const int ctx = args.takeInt({"--ctx", "-c"}, 0);
    const LoadOptions load = takeLoadOptions(args);
    if (!args.positionals().empty())
        throw Error(Error::Kind::InvalidArgument, "unexpected argument '" + args.positionals()[0] + "'");
    if (prompt && tokenList)
        throw Error(Error::Kind::InvalidArgument, "give either -p TEXT or --tokens, not both");
    if (chat && !prompt)
        throw Error(Error::Kind::InvalidArgument,
                    "--chat needs a prompt (-p TEXT); for a conversation, use `sosoik-cli chat -m MODEL`");
    if (system && !chat) throw Error(Error::Kind::InvalidArgument, "--system only makes sense with --chat");
    if (options.maxNewTokens < 0) throw Error(Error::Kind::InvalidArgument, "-n must not be negative");
    // Issue #19 item 9: a negative size silently became the model's default.
    if (ctx < 0)
        throw Error(Error::Kind::InvalidArgument, "--ctx must be 0 (the model's) or a positive size");

    const interrupt::Cooperate cooperate; // Ctrl-C: stop within a token, print the stats line, exit 130
    auto model = Model::load(modelPath, load);
    if (interrupt::requested()) return interrupt::kInterruptedExit;
    if (!model->info().backendFallbackReason.empty())
        std::fprintf(stderr, "note: using the %s backend (%s)\n", model->info().backendName.c_str(),
                     model->info().backendFallbackReason.c_str());
    std::vector<int32_t> tokens;
    if (tokenList) {
        tokens = parseTokenList(*tokenList);
    } else if (prompt && chat) {
        // One user turn in the model's own chat template; special tokens come only from the
        // template markup, never from the prompt text.
        std::vector<ChatMessage> messages;
        if (system) messages.push_back({"system", *system});
        messages.push_back({"user", *prompt});
        tokens = renderTokens(model->chatTemplate(), model->tokenizer(), messages, true);
        for (auto& stop : model->chatTemplate().stopStrings())
            options.stopStrings.push_back(stop);
        if (model->chatTemplate().isFallback())
            std::fprintf(stderr, "note: unrecognized chat template; using ChatML\n");
    } else if (prompt) {
        const Tokenizer& tok = model->tokenizer();
        tokens = tok.encode(*prompt, tok.addBosByDefault());
        if (tokens.empty()) tokens.push_back(tok.bos());
    } else {
        const int32_t bos = model->tokenizer().bos();
        if (bos < 0)
            throw Error(Error::Kind::InvalidArgument, "this model has no BOS token; give a prompt with -p");
        tokens.push_back(bos);
    }
    if (verbosePrompt) {
        std::fprintf(stderr, "prompt:");
        for (int32_t t : tokens)
            std::fprintf(stderr, " %d", t);
        std::fprintf(stderr, "\n");
    }
    auto session = Session::create(*model, ctx);
    if (options.maxNewTokens == 0) return 0;
    const interrupt::CancelSession cancelOnInterrupt(*session); // also stops prompt processing
    GenerateStats stats;
    try {
        stats = generate(*model, *session, tokens, options, [](const std::string& text, int32_t) {
            if (!text.empty()) {
                std::fwrite(text.data(), 1, text.size(), stdout);
                std::fflush(stdout);
            }
            return !interrupt::requested();
        });
    } catch (const Error& e) {
        if (e.kind() != Error::Kind::Cancelled || !interrupt::requested()) throw;
        stats.stopReason = "cancelled";
    }
    std::fprintf(stderr,
                 "\nbackend %s; prompt %d tokens in %.3f s (%.1f tok/s); generated %d tokens in %.3f s "
                 "(%.1f tok/s); stop: %s\n",
                 model->info().backendName.c_str(), stats.promptTokens, stats.promptSeconds,
                 stats.promptSeconds > 0 ? stats.promptTokens / stats.promptSeconds : 0.0,
                 stats.generatedTokens, stats.generateSeconds,
                 stats.generateSeconds > 0 ? stats.generatedTokens / stats.generateSeconds : 0.0,
                 stats.stopReason.c_str());
    return interrupt::requested() ? interrupt::kInterruptedExit : 0;
}

const RegisterCommand reg{
    {"run", "generate text from a prompt (raw completion, no chat template)",
     "usage: sosoik-cli run -m MODEL [-p TEXT [--chat [--system TEXT]] | --tokens ID,ID,...] [-n N]\n"
     "                      [--temp T] [--top-k K]\n"
     "                      [--top-p P] [--min-p P] [--repeat-penalty R] [--seed S] [--ctx N]\n"
     "                      [--backend auto|vulkan|cpu|reference] [--device N|NAME] [-t N] "
     "[--fast-prompts]\n\n"
     "Prints only the generated text to stdout, streamed as it is produced; timings go to stderr.\n"
     "Without -p or --tokens generation starts from the BOS token. --temp 0 is greedy decoding.\n"
     "--chat wraps the prompt as one user turn in the model's chat template (--system adds a\n"
     "system turn) and stops at the template's end of turn. --verbose-prompt prints the prompt's\n"
     "token ids to stderr as `prompt: ID ID ...`.\n"
     "Defaults: -n 128, --temp 0.8, --top-k 40, --top-p 0.95, --min-p 0.05, --repeat-penalty 1.1.",
     runRun}};

} // namespace
} // namespace sosoik::cli
