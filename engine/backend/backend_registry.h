#pragma once
// The list of compute backends Model::load can choose from.
//
// Design: one explicit table in backend_registry.cpp (no self-registering statics, which a
// static library drops when nothing references their object file). Adding a backend is one
// line there: {kind, "name", &factoryFunction}. Auto tries the entries in table order and
// falls back to the next when a factory throws Error(Device) or Error(Unsupported); the
// reference backend is always last and always works.
#include "backend/backend.h"
#include "gguf/tensor_types.h"
#include "sosoik/model.h"

#include <memory>
#include <string>
#include <vector>

namespace sosoik::backend {

using BackendFactory = std::unique_ptr<Backend> (*)(const model::HParams&, const model::Weights&,
                                                    const LoadOptions&);

struct BackendEntry {
    BackendKind kind;
    const char* name;
    BackendFactory create;
};

const std::vector<BackendEntry>& backendRegistry();

// Whether the backend of `kind` computes with tensors of type t (`sosoik-cli info` lists this
// per type). A new backend adds its case; an unknown kind runs nothing.
bool backendRunsType(BackendKind kind, gguf::TensorType t);

// Creates the backend options.backend asks for. For Auto, *fallbackReason (if given) receives
// why a preferred backend was skipped, e.g. "vulkan: no device". Auto takes the reference backend only
// for a model that fits memoryBytes (0: this computer's physical memory; see referenceBytesNeeded):
// beyond it, every token would page the weights in from disk (issue #19: a file declaring 172 GiB was
// handed to the reference backend, which ground on). An explicit Reference request is not checked.
std::unique_ptr<Backend> createBackend(const model::HParams& hparams, const model::Weights& weights,
                                       const LoadOptions& options, std::string* fallbackReason = nullptr,
                                       uint64_t memoryBytes = 0);

} // namespace sosoik::backend
