#include "backend/vulkan/device_weights.h"

#include "sosoik/error.h"

#include <algorithm>
#include <cstring>

namespace sosoik::vk {
namespace {

constexpr uint64_t kAlign = 256;
constexpr uint64_t kChunkBytes = 16ull << 20; // staging granularity when memory is not mapped

uint64_t alignUp(uint64_t v) {
    return (v + kAlign - 1) & ~(kAlign - 1);
}

struct MatrixItem {
    std::vector<model::Tensor> sources; // concatenated by rows, all of one type
    WeightLayout layout;
    DeviceWeight* dst = nullptr;
    uint64_t bytes() const { return alignUp(layout.bytes()); }
};

struct VectorItem {
    std::vector<model::Tensor> sources; // concatenated, converted to F32
    uint64_t count = 0;
    VkDeviceAddress* dst = nullptr;
    uint64_t bytes() const { return alignUp(count * 4); }
};

struct Plan {
    std::vector<MatrixItem> matrices;
    std::vector<VectorItem> vectors;
};

uint64_t rowsOf(model::Tensor t) {
    return t->dims.size() > 1 ? t->dims[1] : 1;
}

void checkMatrix(model::Tensor t, uint64_t cols, const char* role) {
    if (!t) throw Error(Error::Kind::InvalidModel, std::string("the model lacks its ") + role + " weights");
    uint64_t extra = 1;
    for (size_t i = 2; i < t->dims.size(); ++i)
        extra *= t->dims[i];
    if (t->dims.empty() || t->dims[0] != cols || extra != 1)
        throw Error(Error::Kind::InvalidModel, "tensor " + t->name + " has an unexpected shape for " + role);
}

// Groups the sources into runs of one type; each run becomes one fused matrix.
void addProjection(Plan& plan, Projection& proj, std::vector<model::Tensor> sources, uint64_t cols,
                   const char* role) {
    for (auto t : sources)
        checkMatrix(t, cols, role);
    proj.parts.clear();
    proj.rowOffset.clear();
    // Count the parts first: plan.matrices points into proj.parts, which must not reallocate.
    size_t groups = 0;
    for (size_t i = 0; i < sources.size(); ++i)
        if (i == 0 || sources[i]->type != sources[i - 1]->type) ++groups;
    proj.parts.resize(groups);
    proj.rowOffset.resize(groups);
    uint64_t row = 0;
    size_t g = 0;
    for (size_t i = 0; i < sources.size();) {
        MatrixItem item;
        size_t j = i;
        uint64_t rows = 0;
        while (j < sources.size() && sources[j]->type == sources[i]->type)
            rows += rowsOf(sources[j]), item.sources.push_back(sources[j++]);
        item.layout = weightLayout(sources[i]->type, rows, cols);
        proj.rowOffset[g] = static_cast<uint32_t>(row);
        item.dst = &proj.parts[g];
        row += rows;
        ++g;
        i = j;
        plan.matrices.push_back(std::move(item));
    }
    proj.rows = static_cast<uint32_t>(row);
    proj.cols = (static_cast<uint32_t>(cols) + 7) & ~7u;
}

void addVector(Plan& plan, VkDeviceAddress* dst, std::vector<model::Tensor> sources, uint64_t expected,
               const char* role) {
    VectorItem item;
    for (auto t : sources) {
        if (!t) throw Error(Error::Kind::InvalidModel, std::string("the model lacks its ") + role);
        item.count += t->elements();
    }
    if (item.count != expected)
        throw Error(Error::Kind::InvalidModel, std::string("the model's ") + role + " has " +
                                                   std::to_string(item.count) + " values, expected " +
                                                   std::to_string(expected));
    item.sources = std::move(sources);
    item.dst = dst;
    plan.vectors.push_back(std::move(item));
}

Plan makePlan(const model::HParams& hp, const model::Weights& w, DeviceModel& dm) {
    Plan plan;
    const uint64_t embd = hp.nEmbd, qDim = uint64_t(hp.nHead) * hp.headDim,
                   kvDim = uint64_t(hp.nHeadKv) * hp.headDim;
    checkMatrix(w.tokenEmbd, embd, "token embedding");
    {
        MatrixItem item;
        item.sources = {w.tokenEmbd};
        item.layout = weightLayout(w.tokenEmbd->type, rowsOf(w.tokenEmbd), embd);
        item.dst = &dm.tokenEmbd;
        plan.matrices.push_back(std::move(item));
    }
    dm.layers.resize(w.layers.size());
    for (size_t i = 0; i < w.layers.size(); ++i) {
        const auto& L = w.layers[i];
        auto& D = dm.layers[i];
        addVector(plan, &D.attnNorm, {L.attnNorm}, embd, "attention norm");
        addVector(plan, &D.ffnNorm, {L.ffnNorm}, embd, "FFN norm");
        if (L.bq || L.bk || L.bv)
            addVector(plan, &D.qkvBias, {L.bq, L.bk, L.bv}, qDim + 2 * kvDim, "QKV bias");
        addProjection(plan, D.qkv, {L.wq, L.wk, L.wv}, embd, "attention");
        addProjection(plan, D.wo, {L.wo}, qDim, "attention output");
        addProjection(plan, D.gateUp, {L.wGate, L.wUp}, embd, "FFN gate/up");
        addProjection(plan, D.down, {L.wDown}, hp.nFf, "FFN down");
        if (D.qkv.rows != qDim + 2 * kvDim || D.gateUp.rows != 2 * uint64_t(hp.nFf) || D.wo.rows != embd ||
            D.down.rows != embd)
            throw Error(Error::Kind::InvalidModel,
                        "layer " + std::to_string(i) + " has inconsistent matrix sizes");
    }
    addVector(plan, &dm.outputNorm, {w.outputNorm}, embd, "output norm");
    if (w.ropeFreqs)
        addVector(plan, &dm.ropeFactors, {w.ropeFreqs}, hp.headDim / 2, "RoPE frequency factors");
    if (w.output && w.output != w.tokenEmbd) {
        addProjection(plan, dm.output, {w.output}, embd, "output");
    } else {
        dm.output.rows = static_cast<uint32_t>(rowsOf(w.tokenEmbd)); // tied: reuses the embedding table
        dm.output.cols = (static_cast<uint32_t>(embd) + 7) & ~7u;
    }
    return plan;
}

// Packs one fused matrix at `offset` of `arena`, directly when the arena is mapped.
void uploadMatrix(Context& ctx, Buffer& arena, uint64_t offset, const MatrixItem& item) {
    const WeightLayout& L = item.layout;
    const uint64_t rowBytes = uint64_t(L.rowWords) * 4;
    const uint64_t scaleRowBytes = L.scaleBytes / L.rows;
    uint64_t row = 0;
    std::vector<uint8_t> q, s;
    for (auto t : item.sources) {
        const WeightLayout one = weightLayout(t->type, rowsOf(t), L.cols);
        const uint32_t rows = one.rows;
        const uint32_t step =
            arena.mapped ? rows : std::max<uint32_t>(1, static_cast<uint32_t>(kChunkBytes / rowBytes));
        for (uint32_t r = 0; r < rows; r += step) {
            const uint32_t end = std::min(rows, r + step);
            const uint64_t qOff = offset + (row + r) * rowBytes,
                           sOff = offset + L.quantBytes + (row + r) * scaleRowBytes;
            if (arena.mapped) {
                auto* base = static_cast<uint8_t*>(arena.mapped);
                packRows(one, t->data, r, end, base + qOff, base + sOff);
            } else {
                q.resize((end - r) * rowBytes);
                s.resize((end - r) * scaleRowBytes);
                packRows(one, t->data, r, end, q.data(), s.data());
                ctx.write(arena, qOff, q.data(), q.size());
                if (!s.empty()) ctx.write(arena, sOff, s.data(), s.size());
            }
        }
        row += rows;
    }
}

void uploadVector(Context& ctx, Buffer& arena, uint64_t offset, const VectorItem& item) {
    std::vector<float> values;
    values.reserve(item.count);
    for (auto t : item.sources) {
        const auto n = t->elements();
        const size_t at = values.size();
        values.resize(at + n);
        if (!gguf::traits(t->type).supported || gguf::traits(t->type).blockElements != 1)
            throw Error(Error::Kind::Unsupported, "tensor " + t->name + " must be F32, F16 or BF16");
        gguf::dequantizeRow(t->type, t->data, values.data() + at, n);
    }
    ctx.write(arena, offset, values.data(), values.size() * 4);
}

} // namespace

uint64_t deviceWeightBytes(const model::HParams& hp, const model::Weights& w) {
    DeviceModel dm;
    const Plan plan = makePlan(hp, w, dm);
    uint64_t total = 0;
    for (const auto& m : plan.matrices)
        total += m.bytes();
    for (const auto& v : plan.vectors)
        total += v.bytes();
    return total;
}

DeviceModel uploadWeights(Context& ctx, const model::HParams& hp, const model::Weights& w,
                          std::vector<Buffer>& arenas, const std::function<void(float)>& progress) {
    DeviceModel dm;
    Plan plan = makePlan(hp, w, dm);
    const uint64_t cap = ctx.caps().maxAllocationBytes;

    // Place every item, opening a new arena when the current one would exceed the cap.
    struct Placement {
        size_t arena;
        uint64_t offset;
    };
    std::vector<uint64_t> arenaBytes{0};
    auto place = [&](uint64_t bytes, const std::string& name) {
        if (bytes > cap)
            throw Error(Error::Kind::OutOfMemory, "tensor " + name + " (" + std::to_string(bytes >> 20) +
                                                      " MiB) exceeds the largest allocation " +
                                                      ctx.caps().name + " allows");
        if (arenaBytes.back() + bytes > cap) arenaBytes.push_back(0);
        Placement p{arenaBytes.size() - 1, arenaBytes.back()};
        arenaBytes.back() += bytes;
        return p;
    };
    std::vector<Placement> matrixAt, vectorAt;
    for (const auto& m : plan.matrices)
        matrixAt.push_back(place(m.bytes(), m.sources[0]->name));
    for (const auto& v : plan.vectors)
        vectorAt.push_back(place(v.bytes(), v.sources[0]->name));

    for (size_t i = 0; i < arenaBytes.size(); ++i) {
        arenas.push_back(ctx.createBuffer(std::max<uint64_t>(arenaBytes[i], 256), MemoryKind::Device,
                                          "the model weights"));
        dm.bytes += arenaBytes[i];
    }
    const size_t total = plan.matrices.size() + plan.vectors.size();
    size_t done = 0;
    auto report = [&] {
        if (progress) progress(static_cast<float>(++done) / static_cast<float>(total));
    };
    for (size_t i = 0; i < plan.vectors.size(); ++i) {
        Buffer& arena = arenas[vectorAt[i].arena];
        uploadVector(ctx, arena, vectorAt[i].offset, plan.vectors[i]);
        *plan.vectors[i].dst = arena.address + vectorAt[i].offset;
        report();
    }
    for (size_t i = 0; i < plan.matrices.size(); ++i) {
        Buffer& arena = arenas[matrixAt[i].arena];
        const auto& m = plan.matrices[i];
        uploadMatrix(ctx, arena, matrixAt[i].offset, m);
        m.dst->layout = m.layout;
        m.dst->quants = arena.address + matrixAt[i].offset;
        m.dst->scales = m.layout.scaleBytes ? m.dst->quants + m.layout.quantBytes : 0;
        report();
    }
    if (dm.output.parts.empty()) { // tied output
        dm.output.parts = {dm.tokenEmbd};
        dm.output.rowOffset = {0};
    }
    return dm;
}

} // namespace sosoik::vk
