#pragma once
// The reference backend: the whole forward pass on the CPU in plain F32, built from ops.h.
// Slow but obviously correct; every faster backend is tested against it.
#include "backend/backend.h"
#include "sosoik/model.h"

#include <cstdint>
#include <memory>

namespace sosoik::backend {

// Memory the reference backend needs for this model: the weights it reads on every token (mapped from the
// file), the KV cache of the default context (the trained one, at most 4096 tokens) and the activations of
// a 512-token prompt chunk.
uint64_t referenceBytesNeeded(const model::HParams& hparams, const model::Weights& weights);

std::unique_ptr<Backend> createReferenceBackend(const model::HParams& hparams, const model::Weights& weights,
                                                const LoadOptions& options);

} // namespace sosoik::backend
