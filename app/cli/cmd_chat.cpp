// `sosoik-cli chat`: an interactive conversation in the terminal, like `llama-cli -cnv` or `ollama run`
// (issue #13). Each line typed is a user turn; the answer streams to stdout. The whole conversation is
// the prompt of every turn, rendered with the model's chat template (the session reuses the cached
// prefix, so only the new turn is decoded). Ctrl+C stops an answer, /exit or Ctrl+D (end of input)
// quits, /reset starts over. The "> " prompt and notes go to stderr, so stdout holds only answers.
#include "command.h"
#include "engine_options.h"

#include "sosoik/chat_template.h"
#include "sosoik/error.h"
#include "sosoik/generate.h"
#include "sosoik/model.h"
#include "sosoik/session.h"
#include "sosoik/tokenizer.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>

namespace sosoik::cli {
namespace {

// Set by SIGINT: while answering, stop the answer; at the prompt, quit (as a shell does).
std::atomic<bool> g_answering{false};
std::atomic<bool> g_stop{false};

extern "C" void onInterrupt(int) {
    std::signal(SIGINT, onInterrupt); // some platforms reset the handler on delivery
    if (!g_answering.load()) std::_Exit(130);
    g_stop.store(true);
}

GenerateOptions takeSampling(Args& args) {
    GenerateOptions options;
    options.maxNewTokens = args.takeInt({"-n", "--n-predict"}, 512);
    options.sampler.temperature = static_cast<float>(args.takeDouble({"--temp"}, 0.7));
    options.sampler.topK = args.takeInt({"--top-k"}, options.sampler.topK);
    options.sampler.topP = static_cast<float>(args.takeDouble({"--top-p"}, options.sampler.topP));
    options.sampler.repeatPenalty =
        static_cast<float>(args.takeDouble({"--repeat-penalty"}, options.sampler.repeatPenalty));
    if (auto seed = args.take({"--seed"})) {
        try {
            options.sampler.seed = std::stoull(*seed);
        } catch (const std::exception&) {
            throw Error(Error::Kind::InvalidArgument,
                        "--seed expects a non-negative whole number, got '" + *seed + "'");
        }
    } else {
        options.sampler.seed = std::random_device{}(); // a fresh answer each run, like the app
    }
    if (options.maxNewTokens <= 0) throw Error(Error::Kind::InvalidArgument, "-n must be positive");
    return options;
}

int runChat(Args& args) {
    const std::string modelPath = takeModelPath(args);
    const auto system = args.take({"--system"});
    const bool verbosePrompt = args.flag({"--verbose-prompt"});
    GenerateOptions options = takeSampling(args);
    const int ctx = args.takeInt({"--ctx", "-c"}, 0);
    const LoadOptions load = takeLoadOptions(args);
    if (!args.positionals().empty())
        throw Error(Error::Kind::InvalidArgument, "unexpected argument '" + args.positionals()[0] + "'");

    auto model = Model::load(modelPath, load);
    auto session = Session::create(*model, ctx);
    for (const auto& stop : model->chatTemplate().stopStrings())
        options.stopStrings.push_back(stop);
    std::fprintf(stderr, "%s on %s, context %d tokens. Ctrl+C stops an answer; /exit or Ctrl+D quits.\n",
                 model->info().name.empty() ? modelPath.c_str() : model->info().name.c_str(),
                 model->info().backendName.c_str(), session->contextLength());
    if (model->chatTemplate().isFallback())
        std::fprintf(stderr, "note: unrecognized chat template; using ChatML\n");

    std::vector<ChatMessage> history;
    if (system) history.push_back({"system", *system});
    const size_t firstDroppable = history.size();
    std::signal(SIGINT, onInterrupt);

    std::string line;
    while (true) {
        std::fputs("> ", stderr);
        std::fflush(stderr);
        if (!std::getline(std::cin, line)) break; // Ctrl+D
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line == "/exit" || line == "/quit") break;
        if (line == "/reset") {
            history.resize(firstDroppable);
            std::fputs("(conversation cleared)\n", stderr);
            continue;
        }
        if (line.find_first_not_of(" \t") == std::string::npos) continue;

        history.push_back({"user", line});
        // Keep room to answer: the oldest turns after the system prompt go first.
        const int reserve = std::max(1, std::min(options.maxNewTokens, session->contextLength() / 2));
        std::vector<int32_t> prompt = renderTokens(model->chatTemplate(), model->tokenizer(), history, true);
        while (static_cast<int>(prompt.size()) + reserve > session->contextLength() &&
               history.size() - firstDroppable > 1) {
            history.erase(history.begin() + static_cast<long>(firstDroppable));
            while (history.size() - firstDroppable > 1 && history[firstDroppable].role != "user")
                history.erase(history.begin() + static_cast<long>(firstDroppable));
            prompt = renderTokens(model->chatTemplate(), model->tokenizer(), history, true);
        }
        if (static_cast<int>(prompt.size()) + reserve > session->contextLength()) {
            std::fprintf(stderr, "error: this message needs %zu tokens; the context holds %d. Shorten it.\n",
                         prompt.size() + reserve, session->contextLength());
            history.pop_back();
            continue;
        }
        if (verbosePrompt) {
            std::fputs("prompt:", stderr);
            for (int32_t t : prompt)
                std::fprintf(stderr, " %d", t);
            std::fputc('\n', stderr);
        }

        std::string answer;
        g_stop.store(false);
        g_answering.store(true);
        GenerateOptions turn = options;
        turn.sampler.seed = options.sampler.seed + history.size(); // each turn its own draw
        GenerateStats stats;
        try {
            stats = generate(*model, *session, prompt, turn, [&](const std::string& text, int32_t) {
                answer += text;
                std::fwrite(text.data(), 1, text.size(), stdout);
                std::fflush(stdout);
                return !g_stop.load();
            });
        } catch (const Error& e) {
            g_answering.store(false);
            if (e.kind() != Error::Kind::Cancelled) throw;
        }
        g_answering.store(false);
        std::fputc('\n', stdout);
        std::fflush(stdout);
        if (g_stop.load()) std::fputs("[stopped]\n", stderr);
        std::fprintf(stderr, "(%d tokens, %d from cache; %d generated at %.1f tok/s)\n",
                     stats.promptTokens + stats.reusedTokens, stats.reusedTokens, stats.generatedTokens,
                     stats.generateSeconds > 0 ? stats.generatedTokens / stats.generateSeconds : 0.0);
        history.push_back({"assistant", answer});
    }
    std::signal(SIGINT, SIG_DFL);
    return 0;
}

const RegisterCommand reg{
    {"chat", "talk with a model in the terminal (history kept; Ctrl+C stops an answer)",
     "usage: sosoik-cli chat -m MODEL [--system TEXT] [-n N] [--temp T] [--top-k K] [--top-p P]\n"
     "                       [--repeat-penalty R] [--seed S] [--ctx N] [--verbose-prompt]\n"
     "                       [--backend auto|vulkan|cpu|reference] [--device N|NAME] [-t N] "
     "[--fast-prompts]\n\n"
     "Reads one message per line from standard input and streams each answer to stdout, with the\n"
     "whole conversation as context (the oldest turns are left out when it no longer fits).\n"
     "Ctrl+C stops the answer being written (at the prompt it quits); /exit or Ctrl+D quits;\n"
     "/reset forgets the conversation. The \"> \" prompt, notes and timings go to stderr.\n"
     "Defaults: -n 512, --temp 0.7 (a fresh seed per run unless --seed is given).",
     runChat}};

} // namespace
} // namespace sosoik::cli
