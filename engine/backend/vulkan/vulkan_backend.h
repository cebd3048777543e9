#pragma once
// Factory of the Vulkan backend (implemented under backend/vulkan/). Model::load reaches it
// through backend/backend_registry.cpp, never directly.
#include "backend/backend.h"
#include "sosoik/model.h"

#include <memory>

namespace sosoik::backend {

// Throws Error(Device) when no usable Vulkan device exists or the model does not fit.
std::unique_ptr<Backend> createVulkanBackend(const model::HParams& hparams, const model::Weights& weights,
                                             const LoadOptions& options);

} // namespace sosoik::backend
