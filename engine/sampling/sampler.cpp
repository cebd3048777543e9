// Sampling chain (llama.cpp's default order): repetition penalty, top-k, top-p, min-p,
// temperature, then a draw. temperature <= 0 is plain argmax of the raw logits, so greedy
// decoding is exactly the model's own prediction whatever the other settings are.
#include "sosoik/sampler.h"

#include "sosoik/error.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace sosoik {
namespace {

struct Candidate {
    int32_t id;
    float logit;
    float p = 0;
};

// Softmax of logit / temperature into p (candidates sorted by logit, highest first).
void softmax(std::vector<Candidate>& c, float temperature) {
    const float top = c.front().logit;
    double sum = 0;
    for (auto& x : c)
        sum += x.p = std::exp((x.logit - top) / temperature);
    for (auto& x : c)
        x.p = static_cast<float>(x.p / sum);
}

} // namespace

int32_t argmax(std::span<const float> logits) {
    if (logits.empty()) throw Error(Error::Kind::InvalidArgument, "argmax of no logits");
    return static_cast<int32_t>(std::max_element(logits.begin(), logits.end()) - logits.begin());
}

Sampler::Sampler(const SamplerParams& params) : params_(params), rng_(params.seed) {}

int32_t Sampler::sample(std::span<const float> logits, std::span<const int32_t> history) {
    if (logits.empty()) throw Error(Error::Kind::InvalidArgument, "cannot sample from no logits");
    if (params_.temperature <= 0) return argmax(logits);

    std::vector<Candidate> c(logits.size());
    for (size_t i = 0; i < logits.size(); ++i)
        c[i] = {static_cast<int32_t>(i), logits[i]};

    if (params_.repeatPenalty != 1.f && params_.repeatWindow > 0 && !history.empty()) {
        const size_t window = std::min(history.size(), static_cast<size_t>(params_.repeatWindow));
        const std::unordered_set<int32_t> recent(history.end() - static_cast<long>(window), history.end());
        for (int32_t id : recent) {
            if (id < 0 || static_cast<size_t>(id) >= c.size()) continue;
            float& l = c[id].logit; // CTRL-style: shrink positive logits, push negative ones further down
            l = l > 0 ? l / params_.repeatPenalty : l * params_.repeatPenalty;
        }
    }

    auto byLogit = [](const Candidate& a, const Candidate& b) {
        return a.logit > b.logit || (a.logit == b.logit && a.id < b.id);
    };
    size_t keep = c.size();
    if (params_.topK > 0 && static_cast<size_t>(params_.topK) < keep) keep = params_.topK;
    std::partial_sort(c.begin(), c.begin() + static_cast<long>(keep), c.end(), byLogit);
    c.resize(keep);

    softmax(c, 1.f);
    if (params_.topP < 1.f) {
        double cumulative = 0;
        size_t n = 0;
        while (n < c.size()) {
            cumulative += c[n++].p;
            if (cumulative >= params_.topP) break;
        }
        c.resize(std::max<size_t>(1, n));
    }
    if (params_.minP > 0.f) {
        const float threshold = params_.minP * c.front().p;
        size_t n = 1;
        while (n < c.size() && c[n].p >= threshold)
            ++n;
        c.resize(n);
    }

    softmax(c, params_.temperature);
    // 53 random bits -> [0, 1): reproducible for a seed on every platform, unlike std distributions.
    const double u = static_cast<double>(rng_() >> 11) * 0x1.0p-53;
    double cumulative = 0;
    for (const auto& x : c) {
        cumulative += x.p;
        if (u < cumulative) return x.id;
    }
    return c.back().id;
}

} // namespace sosoik
