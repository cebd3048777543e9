#pragma once
// What a front end needs to know about a GGUF file before loading it: whether this build runs it
// (and if not, why in words) and how much memory it takes on a backend for a given context. Reads
// the header and metadata only, like inspectModel().
#include "sosoik/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sosoik {

struct ModelFootprint {
    std::string unsupportedReason; // "" when this build runs the file; else a sentence saying why not
    int trainedContext = 0;
    std::vector<std::string> languages; // general.languages (ISO 639 codes) when the file names them
    uint64_t weightBytes = 0;           // the weights as the backend holds them
    uint64_t kvBytesPerToken = 0;       // the K and V cache of one position over all layers
    uint64_t fixedBytes = 0;            // activations, logits and driver overhead (independent of context)

    uint64_t bytesFor(int contextLength) const {
        return weightBytes + kvBytesPerToken * uint64_t(contextLength > 0 ? contextLength : 0) + fixedBytes;
    }
};

// The footprint on `backend` (Auto and Vulkan: the Vulkan backend's own estimate, KV in f16; Reference:
// the mapped file, KV in f32). Throws Error(InvalidModel/Io) for a damaged or unreadable file; an
// unsupported architecture or tensor type is not an error but an unsupportedReason.
ModelFootprint modelFootprint(const std::string& path, BackendKind backend = BackendKind::Auto);

} // namespace sosoik
