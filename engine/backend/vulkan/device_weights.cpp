#include "backend/vulkan/device_weights.h"

#include "sosoik/error.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace sosoik::vk {
namespace {

constexpr uint64_t kAlign = 256;
constexpr uint64_t kChunkBytes = 16ull << 20; // staging granularity when memory is not mapped

uint64_t alignUp(uint64_t v) {
    return (v + kAlign - 1) & ~(kAlign - 1);
}
uint64_t rowsOf(model::Tensor t) {
    return t->dims.size() > 1 ? t->dims[1] : 1;
}

// Rows [rowBegin, rowBegin + layout.rows) of the concatenation of `sources` (one type).
struct MatrixItem {
    std::vector<model::Tensor> sources;
    uint64_t rowBegin = 0;
    WeightLayout layout;
    DeviceWeight* dst = nullptr;
    uint64_t bytes() const { return alignUp(layout.bytes()); }
};

struct VectorItem {
    std::vector<model::Tensor> sources; // concatenated, converted to F32
    uint64_t count = 0;
    BufRef* dst = nullptr;
    uint64_t bytes() const { return alignUp(count * 4); }
};

struct Plan {
    std::vector<MatrixItem> matrices;
    std::vector<VectorItem> vectors;
};

void checkMatrix(model::Tensor t, uint64_t cols, const char* role) {
    if (!t) throw Error(Error::Kind::InvalidModel, std::string("the model lacks its ") + role + " weights");
    uint64_t extra = 1;
    for (size_t i = 2; i < t->dims.size(); ++i)
        extra *= t->dims[i];
    if (t->dims.empty() || t->dims[0] != cols || extra != 1)
        throw Error(Error::Kind::InvalidModel, "tensor " + t->name + " has an unexpected shape for " + role);
    if (!hasKernels(t->type))
        throw Error(Error::Kind::Unsupported, "tensor " + t->name + ": type " +
                                                  std::string(gguf::typeName(t->type)) +
                                                  " has no Vulkan kernels");
}

// Splits sources into runs of one type, and runs into row ranges that fit one buffer; each
// piece becomes one part of proj (when proj is given) or of `parts`.
void addMatrix(Plan& plan, std::vector<DeviceWeight>& parts, std::vector<uint32_t>& rowOffset,
               const std::vector<model::Tensor>& sources, uint64_t cols, const char* role, uint64_t cap) {
    for (auto t : sources)
        checkMatrix(t, cols, role);
    struct Piece {
        std::vector<model::Tensor> sources;
        uint64_t rowBegin, rows, outRow;
    };
    std::vector<Piece> pieces;
    uint64_t outRow = 0;
    for (size_t i = 0; i < sources.size();) {
        std::vector<model::Tensor> run;
        uint64_t rows = 0;
        size_t j = i;
        while (j < sources.size() && sources[j]->type == sources[i]->type)
            rows += rowsOf(sources[j]), run.push_back(sources[j++]);
        const WeightLayout one = weightLayout(sources[i]->type, 1, cols);
        const uint64_t maxRows = std::max<uint64_t>(1, (cap - kAlign) / (one.bytes() + 4));
        for (uint64_t r = 0; r < rows; r += maxRows)
            pieces.push_back({run, r, std::min(maxRows, rows - r), outRow + r});
        outRow += rows;
        i = j;
    }
    // Size the part vectors first: plan items point into them.
    parts.assign(pieces.size(), {});
    rowOffset.assign(pieces.size(), 0);
    for (size_t i = 0; i < pieces.size(); ++i) {
        MatrixItem item;
        item.sources = pieces[i].sources;
        item.rowBegin = pieces[i].rowBegin;
        item.layout = weightLayout(item.sources[0]->type, pieces[i].rows, cols);
        item.dst = &parts[i];
        parts[i].rowBegin = static_cast<uint32_t>(pieces[i].outRow);
        rowOffset[i] = static_cast<uint32_t>(pieces[i].outRow);
        plan.matrices.push_back(std::move(item));
    }
}

void addProjection(Plan& plan, Projection& proj, const std::vector<model::Tensor>& sources, uint64_t cols,
                   const char* role, uint64_t cap) {
    addMatrix(plan, proj.parts, proj.rowOffset, sources, cols, role, cap);
    proj.rows = 0;
    for (auto t : sources)
        proj.rows += static_cast<uint32_t>(rowsOf(t));
    proj.cols = (static_cast<uint32_t>(cols) + 7) & ~7u;
}

void addVector(Plan& plan, BufRef* dst, std::vector<model::Tensor> sources, uint64_t expected,
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

model::Tensor embeddingTable(const model::LayerPlan& lp) {
    for (const auto& op : lp.ops)
        if (op.kind == model::OpKind::Embed) return op.weights[0];
    throw Error(Error::Kind::InvalidModel, "the layer plan has no embedding");
}

Plan makePlan(const model::LayerPlan& lp, DeviceModel& dm, uint64_t cap) {
    using model::OpKind;
    Plan plan;
    const model::HParams& hp = lp.hp;
    const model::Tensor table = embeddingTable(lp);
    std::vector<uint32_t> embdRows;
    addMatrix(plan, dm.tokenEmbd, embdRows, {table}, hp.nEmbd, "token embedding", cap);
    dm.ops.resize(lp.ops.size());
    for (size_t i = 0; i < lp.ops.size(); ++i) {
        const model::Op& op = lp.ops[i];
        OpWeights& D = dm.ops[i];
        const uint64_t inWidth = model::planBufferWidth(hp, op.in);
        switch (op.kind) {
        case OpKind::RmsNorm:
            addVector(plan, &D.vector, op.weights, inWidth, "norm weights");
            break;
        case OpKind::AddBias:
            addVector(plan, &D.vector, op.weights, inWidth, "biases");
            break;
        case OpKind::HeadRmsNorm:
            addVector(plan, &D.vector, {op.weights[0]}, hp.headDim, "query norm");
            addVector(plan, &D.vector2, {op.weights[1]}, hp.headDim, "key norm");
            break;
        case OpKind::Rope:
            if (op.rope.factors)
                addVector(plan, &D.vector, {op.rope.factors}, hp.headDim / 2, "RoPE frequency factors");
            break;
        case OpKind::MatMul: {
            if (op.weights.size() == 1 && op.weights[0] == table) break; // tied: the table's parts
            addProjection(plan, D.proj, op.weights, inWidth, "a projection", cap);
            if (D.proj.rows != static_cast<uint32_t>(model::planBufferWidth(hp, op.out)))
                throw Error(Error::Kind::InvalidModel,
                            "layer " + std::to_string(op.layer) + " has inconsistent matrix sizes");
            break;
        }
        default:
            break;
        }
    }
    return plan;
}

// Packs one matrix piece at `offset` of `arena`, directly when the arena is mapped.
void uploadMatrix(Context& ctx, Buffer& arena, uint64_t offset, const MatrixItem& item) {
    const WeightLayout& L = item.layout;
    const uint64_t rowBytes = uint64_t(L.rowWords) * 4;
    const uint64_t scaleRowBytes = L.scaleBytes / L.rows;
    const uint64_t end = item.rowBegin + L.rows;
    std::vector<uint8_t> q, s;
    uint64_t srcRow0 = 0; // first row of the current source within the concatenation
    for (auto t : item.sources) {
        const WeightLayout one = weightLayout(t->type, rowsOf(t), L.cols);
        const uint64_t from = std::max(item.rowBegin, srcRow0), to = std::min(end, srcRow0 + one.rows);
        const uint32_t step =
            arena.mapped ? one.rows : std::max<uint32_t>(1, static_cast<uint32_t>(kChunkBytes / rowBytes));
        for (uint64_t r = from; r < to; r += step) {
            const uint64_t stop = std::min<uint64_t>(to, r + step);
            const uint64_t local = r - item.rowBegin; // row within this piece
            const uint64_t qOff = offset + local * rowBytes,
                           sOff = offset + L.quantBytes + local * scaleRowBytes;
            const auto srcBegin = static_cast<uint32_t>(r - srcRow0),
                       srcEnd = static_cast<uint32_t>(stop - srcRow0);
            if (arena.mapped) {
                auto* base = static_cast<uint8_t*>(arena.mapped);
                packRows(one, t->data, srcBegin, srcEnd, base + qOff, base + sOff);
            } else {
                q.resize((stop - r) * rowBytes);
                s.resize((stop - r) * scaleRowBytes);
                packRows(one, t->data, srcBegin, srcEnd, q.data(), s.data());
                ctx.write(arena, qOff, q.data(), q.size());
                if (!s.empty()) ctx.write(arena, sOff, s.data(), s.size());
            }
        }
        srcRow0 += one.rows;
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

uint64_t deviceWeightBytes(const model::LayerPlan& lp, uint64_t maxBufferBytes) {
    DeviceModel dm;
    const Plan plan = makePlan(lp, dm, maxBufferBytes);
    uint64_t total = 0;
    for (const auto& m : plan.matrices)
        total += m.bytes();
    for (const auto& v : plan.vectors)
        total += v.bytes();
    return total;
}

DeviceModel uploadWeights(Context& ctx, const model::LayerPlan& lp, std::vector<Buffer>& arenas,
                          const std::function<void(float)>& progress) {
    DeviceModel dm;
    uint64_t cap = ctx.maxBindableBytes();
    // SOSOIK_VK_ARENA_KB shrinks the arenas so tests split even small models' matrices by rows,
    // as real devices do for tensors beyond maxStorageBufferRange.
    if (const char* kb = std::getenv("SOSOIK_VK_ARENA_KB"); kb && *kb)
        cap = std::clamp<uint64_t>(std::strtoull(kb, nullptr, 10) << 10, 4 * kAlign, cap);
    Plan plan = makePlan(lp, dm, cap);

    // Place every item, opening a new arena when the current one would exceed the cap.
    struct Placement {
        size_t arena;
        uint64_t offset;
    };
    std::vector<uint64_t> arenaBytes{0};
    auto place = [&](uint64_t bytes) {
        if (arenaBytes.back() + bytes > cap) arenaBytes.push_back(0);
        Placement p{arenaBytes.size() - 1, arenaBytes.back()};
        arenaBytes.back() += bytes;
        return p;
    };
    std::vector<Placement> matrixAt, vectorAt;
    for (const auto& m : plan.matrices)
        matrixAt.push_back(place(m.bytes()));
    for (const auto& v : plan.vectors)
        vectorAt.push_back(place(v.bytes()));

    for (uint64_t bytes : arenaBytes) {
        arenas.push_back(
            ctx.createBuffer(std::max<uint64_t>(bytes, kAlign), MemoryKind::Device, "the model weights"));
        dm.bytes += bytes;
    }
    const size_t total = plan.matrices.size() + plan.vectors.size();
    size_t done = 0;
    auto report = [&] {
        if (progress) progress(static_cast<float>(++done) / static_cast<float>(total));
    };
    for (size_t i = 0; i < plan.vectors.size(); ++i) {
        Buffer& arena = arenas[vectorAt[i].arena];
        uploadVector(ctx, arena, vectorAt[i].offset, plan.vectors[i]);
        *plan.vectors[i].dst = arena.ref(vectorAt[i].offset);
        report();
    }
    for (size_t i = 0; i < plan.matrices.size(); ++i) {
        Buffer& arena = arenas[matrixAt[i].arena];
        const auto& m = plan.matrices[i];
        uploadMatrix(ctx, arena, matrixAt[i].offset, m);
        m.dst->layout = m.layout;
        m.dst->quants = arena.ref(matrixAt[i].offset);
        report();
    }
    const model::Tensor table = embeddingTable(lp);
    for (size_t i = 0; i < lp.ops.size(); ++i) {
        const model::Op& op = lp.ops[i];
        if (op.kind != model::OpKind::MatMul || op.weights.size() != 1 || op.weights[0] != table) continue;
        Projection& out = dm.ops[i].proj; // tied output: the embedding table's row ranges
        out.parts = dm.tokenEmbd;
        out.rowOffset.clear();
        for (const auto& part : dm.tokenEmbd)
            out.rowOffset.push_back(part.rowBegin);
        out.rows = static_cast<uint32_t>(rowsOf(table));
        out.cols = (static_cast<uint32_t>(lp.hp.nEmbd) + 7) & ~7u;
    }
    return dm;
}

} // namespace sosoik::vk
