#pragma once
// The reference backend: the whole forward pass on the CPU in plain F32, built from ops.h.
// Slow but obviously correct; every faster backend is tested against it.
#include "backend/backend.h"
#include "sosoik/model.h"

#include <memory>

namespace sosoik::backend {

std::unique_ptr<Backend> createReferenceBackend(const model::HParams& hparams, const model::Weights& weights,
                                                const LoadOptions& options);

} // namespace sosoik::backend
