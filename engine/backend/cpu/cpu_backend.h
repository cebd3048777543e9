#pragma once
// The native CPU backend: the layer plan's third executor (after reference/ and vulkan/), with
// SIMD kernels chosen at run time (kernels.h), a persistent thread pool and an F16 KV cache.
#include "backend/backend.h"
#include "sosoik/model.h"

#include <memory>

namespace sosoik::backend {

std::unique_ptr<Backend> createCpuBackend(const model::HParams& hparams, const model::Weights& weights,
                                          const LoadOptions& options);

} // namespace sosoik::backend
