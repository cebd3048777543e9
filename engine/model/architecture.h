#pragma once
// An architecture unit turns a GGUF file's metadata and tensors into HParams + Weights, rejects
// anything that does not match, and emits the layer plan every backend executes. Each
// architecture is one file (arch_<name>.cpp) defining a const ArchitectureUnit;
// architecture_registry.cpp lists them (one line each). New math is a new op in the plan, with its
// reference version and op test (docs/ARCHITECTURE.md, "Adding an architecture").
#include "gguf/gguf_file.h"
#include "model/hparams.h"
#include "model/layer_plan.h"
#include "model/weights.h"

#include <string>
#include <string_view>
#include <vector>

namespace sosoik::model {

struct ArchitectureUnit {
    std::string_view name; // general.architecture value
    // Reads "<name>.*" keys into hp (throws Error naming the key when missing or out of range).
    void (*readHParams)(const gguf::File& file, HParams& hp);
    // Finds every tensor and checks its shape against hp (throws Error naming the tensor).
    void (*bindWeights)(const gguf::File& file, const HParams& hp, Weights& weights);
    // The op sequence of one forward pass over the bound weights (model/layer_plan.h).
    LayerPlan (*buildPlan)(const HParams& hp, const Weights& weights);
};

// nullptr for architectures the engine does not implement.
const ArchitectureUnit* findArchitecture(std::string_view name);
std::vector<std::string> supportedArchitectures();

// Reads general.architecture and dispatches; throws Error(Unsupported) naming the architecture.
const ArchitectureUnit& architectureOf(const gguf::File& file);

} // namespace sosoik::model
