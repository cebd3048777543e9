#pragma once
// Loading a GGUF model. A Model is immutable after load and may be shared by sessions.
#include "sosoik/error.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace sosoik {

class Tokenizer;
class ChatTemplate;

enum class BackendKind { Auto, Vulkan, Reference, Cpu };
BackendKind parseBackendKind(const std::string& name); // "auto", "vulkan", "cpu", "reference"; throws Error

struct LoadOptions {
    BackendKind backend = BackendKind::Auto;
    int device = -1;        // Vulkan device index; -1 = preferred
    std::string deviceName; // substring match on the device name (used when device < 0)
    int threads = 0;        // CPU and reference backend threads; 0 = their default (cpu: physical cores)
    // CPU backend: prompt batches of the types with 8-bit kernels (Q4_0, Q4_1, Q5_0, Q5_1, Q4_K, Q5_K)
    // quantize their activations to 8 bits: 1.4-1.6x faster prompts on Zen 2, but less exact (the built-in
    // SmolLM2 then misses "Paris", docs/PERFORMANCE.md), hence off unless asked. SOSOIK_CPU_PROMPT, when set,
    // wins either way (int8: on; int, float: off), so tests and benchmarks can A/B any caller.
    bool cpuFastPrompts = false;
    std::function<void(float)> progress; // 0..1 while loading; may be called from the loading thread
};

struct ModelInfo {
    std::string path;
    std::string name;         // general.name or the file name
    std::string architecture; // "llama", "qwen2", ...
    uint64_t fileBytes = 0;
    uint64_t parameterCount = 0;
    int contextLength = 0; // trained context (…context_length)
    int embeddingLength = 0;
    int blockCount = 0;
    int headCount = 0;
    int headCountKv = 0;
    int feedForwardLength = 0;
    int vocabSize = 0;
    float ropeFreqBase = 10000.f;
    float rmsNormEps = 1e-5f;
    std::string tokenizerKind; // "llama" (SentencePiece) or "gpt2" (byte-level BPE)
    bool hasChatTemplate = false;
    std::string chatTemplateFamily;              // "chatml", "llama3", ...; see chat_template.h
    std::map<std::string, int> tensorTypeCounts; // "Q4_0" -> number of tensors
    std::string dominantType;                    // most parameters are stored in this type
    std::string backendName;                     // "vulkan: <device>" or "reference"
    std::string backendFallbackReason;           // why Auto skipped a preferred backend ("" when it did not)
};

class Model {
public:
    virtual ~Model() = default;
    // Opens, validates and loads a GGUF file. Throws sosoik::Error with a human message.
    static std::unique_ptr<Model> load(const std::string& path, const LoadOptions& options = {});

    virtual const ModelInfo& info() const = 0;
    virtual const Tokenizer& tokenizer() const = 0;
    virtual const ChatTemplate& chatTemplate() const = 0;
};

// Reads the header and metadata only (fast; for `info` and the model picker).
ModelInfo inspectModel(const std::string& path);

} // namespace sosoik
