#include "remote/routing_backend.h"

#include "remote/remote_backend.h"

namespace sosoik::app::remote {

RoutingBackend::RoutingBackend(std::unique_ptr<InferenceBackend> local)
    : local_(std::move(local)), active_(local_.get()) {}

RoutingBackend::~RoutingBackend() = default;

ModelDetails RoutingBackend::load(const LoadRequest& request, const std::function<void(float)>& progress) {
    // The old engine goes first either way: a failed load leaves nothing loaded,
    // as a local load does.
    active()->unload();
    if (request.isRemote()) {
        if (!remote_) remote_ = std::make_unique<RemoteBackend>();
        active_.store(remote_.get());
    } else {
        active_.store(local_.get());
    }
    return active()->load(request, progress);
}

void RoutingBackend::unload() {
    active()->unload();
}

} // namespace sosoik::app::remote
