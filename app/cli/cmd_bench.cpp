// `sosoik-cli bench`: prompt processing (pp) and generation (tg) speed, measured like
// llama-bench so the numbers compare: pp = one batch of p tokens into an empty cache,
// tg = n greedy single-token steps from an empty cache (the token is picked where the logits
// are computed, as in generate()); one warm-up run, then r timed runs.
#include "command.h"
#include "process_time.h"
#include "synthetic_gguf.h"

#include "sosoik/devices.h"
#include "sosoik/error.h"
#include "sosoik/model.h"
#include "sosoik/sampler.h"
#include "sosoik/session.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>

namespace sosoik::cli {
namespace {

struct Test {
    std::string name;
    int prompt = 0, gen = 0;
};

std::vector<int> intList(const std::string& s) {
    std::vector<int> out;
    std::stringstream in(s);
    std::string item;
    while (std::getline(in, item, ',')) {
        try {
            size_t used = 0;
            const int v = std::stoi(item, &used);
            if (used == item.size() && v >= 0) {
                out.push_back(v);
                continue;
            }
        } catch (...) {
        }
        throw Error(Error::Kind::InvalidArgument, "expected comma-separated token counts, got '" + s + "'");
    }
    return out;
}

std::string cacheDir() {
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/sosoik/bench";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/sosoik/bench";
    return ".";
}

double cpuSeconds() {
    return sosoik::cli::processCpuSeconds();
}

// tg steps as `generate()` runs them: greedy (the token picked on the device), or with the app's default
// sampler (top-k candidates and the repetition window's logits picked on the device, then a draw).
enum class TgMode { Greedy, Sampled };

double runOnce(Model& model, const Test& t, int contextLength, std::mt19937& rng, TgMode mode) {
    auto session = Session::create(model, contextLength);
    const int vocab = model.info().vocabSize;
    std::uniform_int_distribution<int32_t> token(0, vocab - 1);
    using clock = std::chrono::steady_clock;
    if (t.prompt > 0) {
        std::vector<int32_t> prompt(t.prompt);
        for (auto& x : prompt)
            x = token(rng);
        const auto start = clock::now();
        session->decode(prompt);
        return std::chrono::duration<double>(clock::now() - start).count();
    }
    int32_t next = token(rng);
    Sampler sampler(SamplerParams{});
    CandidateRequest greedy;
    greedy.topK = 1;
    std::vector<int32_t> history;
    const auto start = clock::now();
    for (int i = 0; i < t.gen; ++i) {
        if (mode == TgMode::Greedy) {
            session->decodeCandidates(std::span<const int32_t>(&next, 1), greedy);
            continue;
        }
        history.push_back(next);
        const Candidates c =
            session->decodeCandidates(std::span<const int32_t>(&next, 1), sampler.request(history));
        next = sampler.sample(c, history);
    }
    return std::chrono::duration<double>(clock::now() - start).count();
}

std::string jsonEscape(const std::string& s) {
    std::string o;
    for (char c : s) {
        if (c == '"' || c == '\\') o += '\\';
        if (static_cast<unsigned char>(c) >= 0x20) o += c;
    }
    return o;
}

int runBench(Args& args) {
    const auto modelArg = args.take({"-m", "--model"});
    const auto synthetic = args.take({"--synthetic"});
    const std::string type = args.take({"--type"}).value_or("F16");
    const auto outPath = args.take({"-o", "--output"});
    const bool generateOnly = args.flag({"--generate-only"});
    const auto prompts = intList(args.take({"-p", "--n-prompt"}).value_or("512"));
    const auto gens = intList(args.take({"-n", "--n-gen"}).value_or("128"));
    const int reps = args.takeInt({"-r", "--repetitions"}, 3);
    const auto backendName = args.take({"--backend"});
    const auto device = args.take({"--device"});
    const int threads = args.takeInt({"-t", "--threads"}, 0);
    const bool fastPrompts = args.flag({"--fast-prompts"});
    const bool json = args.flag({"--json"});
    // The device's memory bandwidth in GB/s (from its datasheet: Vulkan does not report it), or "measure"
    // for the CPU backend. With it, tg rows also show model bytes × t/s ÷ bandwidth: how close generation
    // runs to the memory limit.
    const auto bandwidthArg = args.take({"--bandwidth"});
    const bool measureBandwidth = bandwidthArg && *bandwidthArg == "measure";
    double bandwidthGBs = 0.0;
    if (bandwidthArg && !measureBandwidth) {
        size_t used = 0;
        try {
            bandwidthGBs = std::stod(*bandwidthArg, &used);
        } catch (...) {
        }
        if (used != bandwidthArg->size() || !(bandwidthGBs > 0))
            throw Error(Error::Kind::InvalidArgument,
                        "--bandwidth takes the device's memory bandwidth in GB/s (a positive number) or "
                        "'measure' (the CPU backend's), got '" +
                            *bandwidthArg + "'");
    }
    const TgMode tgMode = args.flag({"--sample"}) ? TgMode::Sampled : TgMode::Greedy;
    args.positionals();
    if (reps < 1) throw Error(Error::Kind::InvalidArgument, "-r must be at least 1");
    if (threads < 0) throw Error(Error::Kind::InvalidArgument, "-t must be at least 1 (0: the default)");

    std::string path;
    if (synthetic) {
        const SyntheticShape shape = syntheticShape(*synthetic);
        path = outPath.value_or(cacheDir() + "/" + shape.name + "-" + type + ".gguf");
        if (outPath || !std::filesystem::exists(path)) {
            std::error_code ec;
            std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
            std::fprintf(stderr, "writing synthetic %s %s to %s\n", shape.name.c_str(), type.c_str(),
                         path.c_str());
            writeSyntheticGguf(shape, type, path);
        }
        if (generateOnly) return 0;
    } else if (modelArg) {
        path = *modelArg;
    } else {
        throw Error(Error::Kind::InvalidArgument,
                    "bench needs -m MODEL or --synthetic NAME (see sosoik-cli help bench)");
    }

    LoadOptions options;
    options.threads = threads;
    options.cpuFastPrompts = fastPrompts;
    if (backendName) options.backend = parseBackendKind(*backendName);
    if (device) {
        const bool numeric = !device->empty() && device->find_first_not_of("0123456789") == std::string::npos;
        if (numeric)
            options.device = std::stoi(*device);
        else
            options.deviceName = *device;
    }
    auto model = Model::load(path, options);
    const ModelInfo& info = model->info();
    const std::string backendLabel = info.backendName.substr(0, info.backendName.find(':'));
    const auto colon = info.backendName.find(": ");
    const std::string deviceLabel = colon == std::string::npos ? "cpu" : info.backendName.substr(colon + 2);

    if (measureBandwidth) {
        if (backendLabel != "cpu")
            throw Error(Error::Kind::InvalidArgument,
                        "--bandwidth measure reads the CPU's memory, for the cpu backend; for a GPU give its "
                        "memory bandwidth in GB/s from its datasheet (this model runs on " +
                            info.backendName + ")");
        const MemoryBandwidth measured = measureCpuReadBandwidth(threads > 0 ? threads : cpuDevice().threads);
        bandwidthGBs = measured.gbPerSecond;
        std::fprintf(
            stderr, "memory read bandwidth: %.1f GB/s (measured: %llu MiB read by %d threads, best of 3)\n",
            bandwidthGBs, static_cast<unsigned long long>(measured.bufferBytes >> 20), measured.threads);
    }

    std::vector<Test> tests;
    for (int p : prompts)
        if (p > 0) tests.push_back({"pp" + std::to_string(p), p, 0});
    for (int n : gens)
        if (n > 0) tests.push_back({"tg" + std::to_string(n), 0, n});
    int contextLength = 16;
    for (const auto& t : tests)
        contextLength = std::max(contextLength, t.prompt + t.gen + 1);
    if (contextLength > info.contextLength && info.contextLength > 0)
        throw Error(Error::Kind::InvalidArgument, "the test needs " + std::to_string(contextLength) +
                                                      " tokens of context; the model was trained for " +
                                                      std::to_string(info.contextLength));

    const double mib = static_cast<double>(info.fileBytes) / (1 << 20);
    if (!json) {
        std::printf("| %-28s | %10s | %8s | %-9s | %-30s | %7s | %18s |%s\n", "model", "size", "params",
                    "backend", "device", "test", "t/s", bandwidthGBs > 0 ? " bw use  |" : "");
        std::printf("|%s|%s|%s|%s|%s|%s|%s|%s\n", std::string(30, '-').c_str(), std::string(12, '-').c_str(),
                    std::string(10, '-').c_str(), std::string(11, '-').c_str(), std::string(32, '-').c_str(),
                    std::string(9, '-').c_str(), std::string(20, '-').c_str(),
                    bandwidthGBs > 0 ? "---------|" : "");
    }
    std::mt19937 rng(1234);
    for (const auto& t : tests) {
        runOnce(*model, t, contextLength, rng, tgMode); // warm-up: pipelines, caches, clocks
        std::vector<double> speeds;
        const double cpuBefore = cpuSeconds();
        for (int r = 0; r < reps; ++r)
            speeds.push_back((t.prompt + t.gen) / runOnce(*model, t, contextLength, rng, tgMode));
        // Tokens per CPU-second: on a shared machine this shows what the wall clock hides.
        const double cpuTs = double(t.prompt + t.gen) * reps / std::max(1e-9, cpuSeconds() - cpuBefore);
        double mean = 0, var = 0;
        for (double s : speeds)
            mean += s / speeds.size();
        for (double s : speeds)
            var += (s - mean) * (s - mean);
        const double sd = speeds.size() > 1 ? std::sqrt(var / (speeds.size() - 1)) : 0.0;
        const std::string modelLabel = info.name.substr(0, info.name.find(" (")) + " " + info.dominantType;
        // Every generated token reads all weights once (plus a KV cache that is small at these lengths).
        const double bandwidthUse = bandwidthGBs > 0 && t.gen > 0
                                        ? static_cast<double>(info.fileBytes) * mean / (bandwidthGBs * 1e9)
                                        : -1.0;
        if (json) {
            std::printf(
                "{\"model\": \"%s\", \"model_file\": \"%s\", \"type\": \"%s\", \"size\": %llu, \"params\": "
                "%llu, "
                "\"backend\": \"%s\", \"device\": \"%s\", \"test\": \"%s\", \"n_prompt\": %d, \"n_gen\": %d, "
                "\"avg_ts\": %.3f, \"stddev_ts\": %.3f, \"cpu_ts\": %.3f, \"samples_ts\": [",
                jsonEscape(info.name).c_str(), jsonEscape(path).c_str(), info.dominantType.c_str(),
                static_cast<unsigned long long>(info.fileBytes),
                static_cast<unsigned long long>(info.parameterCount), backendLabel.c_str(),
                jsonEscape(deviceLabel).c_str(), t.name.c_str(), t.prompt, t.gen, mean, sd, cpuTs);
            for (size_t i = 0; i < speeds.size(); ++i)
                std::printf("%s%.3f", i ? ", " : "", speeds[i]);
            std::printf("]");
            if (bandwidthUse >= 0)
                std::printf(", \"bandwidth_gbs\": %.2f, \"bandwidth_fraction\": %.4f", bandwidthGBs,
                            bandwidthUse);
            std::printf("}\n");
        } else {
            char size[32], params[32], ts[48];
            std::snprintf(size, sizeof size, "%.2f MiB", mib);
            std::snprintf(params, sizeof params, "%.2f M", static_cast<double>(info.parameterCount) / 1e6);
            std::snprintf(ts, sizeof ts, "%.2f ± %.2f", mean, sd);
            std::printf("| %-28s | %10s | %8s | %-9s | %-30.30s | %7s | %18s |", modelLabel.c_str(), size,
                        params, backendLabel.c_str(), deviceLabel.c_str(), t.name.c_str(), ts);
            if (bandwidthGBs > 0) {
                if (bandwidthUse >= 0)
                    std::printf(" %5.1f %% |", 100.0 * bandwidthUse);
                else
                    std::printf("         |");
            }
            std::printf("\n");
        }
        std::fflush(stdout);
    }
    return 0;
}

const RegisterCommand reg{
    {"bench", "measure prompt (pp) and generation (tg) speed, like llama-bench",
     "usage: sosoik-cli bench -m MODEL [-p 512] [-n 128] [-r 3] [--backend auto|vulkan|cpu|reference]\n"
     "                        [--device INDEX|NAME] [-t THREADS] [--fast-prompts] [--sample] [--bandwidth "
     "GB/s|measure] "
     "[--json]\n"
     "       sosoik-cli bench --synthetic stories15M|stories110M|smollm135M|llama1B [--type TYPE] [-o PATH]\n"
     "                        [--generate-only] [same options as above]\n\n"
     "--type: F16 (default), F32, BF16, Q8_0, Q4_0, Q4_1, Q5_0, Q5_1, IQ4_NL, Q2_K, Q3_K, Q4_K, Q5_K,\n"
     "Q6_K or IQ4_XS (the 256-weight block types need row lengths that are multiples of 256), or Q4_K_M /\n"
     "Q5_K_M: llama.cpp's mixes (Q4_K / Q5_K with Q6_K attn_v, ffn_down and output; Q5_0 / Q5_1 / Q8_0\n"
     "where rows are not a multiple of 256), like the files people download.\n"
     "-p and -n take comma-separated lists (e.g. -p 128,512). pp: one batch of p random tokens into an\n"
     "empty context; tg: n greedy single-token steps from an empty context (--sample: drawn with the\n"
     "app's default sampler instead, top-k 40 + repetition penalty). Each test runs once to warm up,\n"
     "then r times; t/s is the mean ± sample standard deviation. --json prints one object per line and\n"
     "test (model, type, device, test, avg_ts, stddev_ts...).\n"
     "-t: threads of the cpu and reference backends (default: the CPU's physical cores).\n"
     "--fast-prompts: the cpu backend's 8-bit prompt math (1.4-1.6x faster prompts on 4/5-bit types,\n"
     "slightly less exact: the app's Settings > CPU > Faster prompts).\n"
     "--bandwidth: the device's memory bandwidth (GB/s, from its datasheet), or 'measure' with the cpu\n"
     "backend (its threads read 1 GiB); tg rows then show model bytes × t/s ÷ bandwidth, the fraction of\n"
     "the memory limit generation reaches.\n"
     "--synthetic writes a random-weight model with that model's shapes (cached under\n"
     "$XDG_CACHE_HOME/sosoik/bench unless -o is given) and benchmarks it.",
     runBench}};

} // namespace
} // namespace sosoik::cli
