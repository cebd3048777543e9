#include "model/layer_plan.h"

#include "model/architecture.h"
#include "sosoik/error.h"

#include <cmath>

namespace sosoik::model {

int LayerPlan::maxWindow() const {
    int w = 0;
    for (const auto& op : ops)
        if (op.kind == OpKind::Attention) w = std::max(w, op.attention.window);
    return w;
}

bool LayerPlan::hasGlobalLayer() const {
    for (const auto& op : ops)
        if (op.kind == OpKind::Attention && op.attention.window <= 0) return true;
    return false;
}

int planBufferWidth(const HParams& hp, Buf b) {
    switch (b) {
    case Buf::X:
    case Buf::Norm:
    case Buf::Proj:
        return hp.nEmbd;
    case Buf::Qkv:
        return (hp.nHead + 2 * hp.nHeadKv) * hp.headDim;
    case Buf::Att:
        return hp.nHead * hp.headDim;
    case Buf::GateUp:
        return 2 * hp.nFf;
    case Buf::Act:
        return hp.nFf;
    case Buf::Logits:
        return hp.nVocab;
    }
    return 0;
}

const char* opName(OpKind kind) {
    switch (kind) {
    case OpKind::Embed:
        return "embed";
    case OpKind::RmsNorm:
        return "rmsnorm";
    case OpKind::MatMul:
        return "matmul";
    case OpKind::AddBias:
        return "add bias";
    case OpKind::HeadRmsNorm:
        return "head rmsnorm";
    case OpKind::Rope:
        return "rope";
    case OpKind::Attention:
        return "attention";
    case OpKind::Glu:
        return "glu";
    case OpKind::Add:
        return "add";
    case OpKind::SoftCap:
        return "soft-cap";
    }
    return "?";
}

LayerPlan planFor(const HParams& hp, const Weights& w) {
    const ArchitectureUnit* unit = findArchitecture(hp.architecture);
    if (!unit)
        throw Error(Error::Kind::Unsupported, "no layer plan for architecture '" + hp.architecture + "'");
    return unit->buildPlan(hp, w);
}

Op& PlanBuilder::push(OpKind kind) {
    Op& op = plan_.ops.emplace_back();
    op.kind = kind;
    op.layer = layer_;
    return op;
}

void PlanBuilder::embed(Tensor table, float scale) {
    Op& op = push(OpKind::Embed);
    op.out = Buf::X;
    op.weights = {table};
    op.scale = scale;
}

void PlanBuilder::rmsNorm(Buf in, Buf out, Tensor weight) {
    Op& op = push(OpKind::RmsNorm);
    op.in = in, op.out = out, op.weights = {weight}, op.eps = plan_.hp.rmsNormEps;
}

void PlanBuilder::matMul(Buf in, Buf out, std::vector<Tensor> stacked) {
    Op& op = push(OpKind::MatMul);
    op.in = in, op.out = out, op.weights = std::move(stacked);
}

void PlanBuilder::addBias(Buf out, std::vector<Tensor> stacked) {
    Op& op = push(OpKind::AddBias);
    op.in = op.out = out, op.weights = std::move(stacked);
}

void PlanBuilder::headRmsNorm(Tensor qWeight, Tensor kWeight) {
    Op& op = push(OpKind::HeadRmsNorm);
    op.in = op.out = Buf::Qkv, op.weights = {qWeight, kWeight}, op.eps = plan_.hp.rmsNormEps;
}

void PlanBuilder::rope(const RopeSpec& spec) {
    Op& op = push(OpKind::Rope);
    op.in = op.out = Buf::Qkv, op.rope = spec;
}

void PlanBuilder::attention(const AttentionSpec& spec) {
    Op& op = push(OpKind::Attention);
    op.in = Buf::Qkv, op.out = Buf::Att, op.attention = spec;
}

void PlanBuilder::glu(Activation act) {
    Op& op = push(OpKind::Glu);
    op.in = Buf::GateUp, op.out = Buf::Act, op.activation = act;
}

void PlanBuilder::add(Buf in, Buf out) {
    Op& op = push(OpKind::Add);
    op.in = in, op.out = out;
}

void PlanBuilder::softCap(Buf out, float cap) {
    Op& op = push(OpKind::SoftCap);
    op.in = op.out = out, op.scale = cap;
}

void PlanBuilder::beginOutput() {
    layer_ = -1;
    plan_.outputBegin = plan_.ops.size();
}

LayerPlan llamaFamilyPlan(const HParams& hp, const Weights& w) {
    PlanBuilder b(hp);
    b.embed(w.tokenEmbd);
    const RopeSpec rope{hp.ropeFreqBase, hp.ropeFreqScale, hp.ropeAttnFactor, hp.ropeLayout, w.ropeFreqs};
    const AttentionSpec attention{1.f / std::sqrt(float(hp.headDim)), 0.f, hp.slidingWindow};
    for (int l = 0; l < hp.nLayer; ++l) {
        const LayerWeights& L = w.layers[l];
        b.layer(l);
        b.rmsNorm(Buf::X, Buf::Norm, L.attnNorm);
        b.matMul(Buf::Norm, Buf::Qkv, L.wqkv ? std::vector<Tensor>{L.wqkv} : std::vector{L.wq, L.wk, L.wv});
        if (L.bq) b.addBias(Buf::Qkv, {L.bq, L.bk, L.bv});
        if (L.qNorm) b.headRmsNorm(L.qNorm, L.kNorm);
        b.rope(rope);
        b.attention(attention);
        b.matMul(Buf::Att, Buf::Proj, {L.wo});
        b.add(Buf::Proj, Buf::X);
        b.rmsNorm(Buf::X, Buf::Norm, L.ffnNorm);
        b.matMul(Buf::Norm, Buf::GateUp,
                 L.wGateUp ? std::vector<Tensor>{L.wGateUp} : std::vector{L.wGate, L.wUp});
        b.glu(Activation::Silu);
        b.matMul(Buf::Act, Buf::Proj, {L.wDown});
        b.add(Buf::Proj, Buf::X);
    }
    b.beginOutput();
    b.rmsNorm(Buf::X, Buf::Norm, w.outputNorm);
    b.matMul(Buf::Norm, Buf::Logits, {w.output});
    return b.take();
}

LayerPlan gemmaPlan(const HParams& hp, const Weights& w, const std::vector<AttentionSpec>& attention,
                    const std::vector<RopeSpec>& rope) {
    PlanBuilder b(hp);
    b.embed(w.tokenEmbd, std::sqrt(float(hp.nEmbd)));
    for (int l = 0; l < hp.nLayer; ++l) {
        const LayerWeights& L = w.layers[l];
        b.layer(l);
        b.rmsNorm(Buf::X, Buf::Norm, L.attnNorm);
        b.matMul(Buf::Norm, Buf::Qkv, {L.wq, L.wk, L.wv});
        if (L.qNorm) b.headRmsNorm(L.qNorm, L.kNorm);
        b.rope(rope[l]);
        b.attention(attention[l]);
        b.matMul(Buf::Att, Buf::Proj, {L.wo});
        b.rmsNorm(Buf::Proj, Buf::Proj, L.attnPostNorm);
        b.add(Buf::Proj, Buf::X);
        b.rmsNorm(Buf::X, Buf::Norm, L.ffnNorm);
        b.matMul(Buf::Norm, Buf::GateUp, {L.wGate, L.wUp});
        b.glu(Activation::GeluTanh);
        b.matMul(Buf::Act, Buf::Proj, {L.wDown});
        b.rmsNorm(Buf::Proj, Buf::Proj, L.ffnPostNorm);
        b.add(Buf::Proj, Buf::X);
    }
    b.beginOutput();
    b.rmsNorm(Buf::X, Buf::Norm, w.outputNorm);
    b.matMul(Buf::Norm, Buf::Logits, {w.output});
    if (hp.finalSoftCap > 0.f) b.softCap(Buf::Logits, hp.finalSoftCap);
    return b.take();
}

} // namespace sosoik::model
