#pragma once
// Comparing whole models across backends (tst_vulkan_backend, tst_vulkan_architectures): the
// normalized error of two logit vectors and a greedy continuation.
#include "sosoik/model.h"
#include "sosoik/sampler.h"
#include "sosoik/session.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

namespace sosoik::vktest {

// The gap from the fp16 KV cache and a different summation order; everything else is F32.
constexpr double kTolerance = 2e-3;

// max |got − want| / max |want| over all logits.
inline double normalizedError(const std::vector<float>& got, const std::vector<float>& want) {
    double scale = 1e-9, err = 0;
    for (size_t i = 0; i < want.size(); ++i) {
        scale = std::max(scale, double(std::fabs(want[i])));
        err = std::max(err, double(std::fabs(got[i] - want[i])));
    }
    return err / scale;
}

// `steps` greedy tokens after prompt, one replayed token step each.
inline std::vector<int32_t> greedy(Model& model, const std::vector<int32_t>& prompt, int steps) {
    auto session = Session::create(model, 64);
    auto logits = session->decode(prompt);
    std::vector<int32_t> out;
    for (int i = 0; i < steps; ++i) {
        const int32_t t = argmax(logits);
        out.push_back(t);
        logits = session->decode(std::span<const int32_t>(&t, 1));
    }
    return out;
}

} // namespace sosoik::vktest
