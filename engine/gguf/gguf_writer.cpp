#include "gguf/gguf_writer.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace sosoik::gguf {
namespace {

template <class T> void append(std::vector<uint8_t>& out, T v) {
    const auto* p = reinterpret_cast<const uint8_t*>(&v);
    out.insert(out.end(), p, p + sizeof(T));
}
void appendString(std::vector<uint8_t>& out, const std::string& s) {
    append<uint64_t>(out, s.size());
    out.insert(out.end(), s.begin(), s.end());
}
template <class T> std::vector<uint8_t> scalar(T v) {
    std::vector<uint8_t> out;
    append(out, v);
    return out;
}

} // namespace

void GgufWriter::put(const std::string& key, gguf::ValueType type, std::vector<uint8_t> payload) {
    removeKey(key);
    kvs_.push_back({key, static_cast<uint32_t>(type), std::move(payload)});
}

void GgufWriter::setU8(const std::string& k, uint8_t v) {
    put(k, gguf::ValueType::UInt8, scalar(v));
}
void GgufWriter::setI8(const std::string& k, int8_t v) {
    put(k, gguf::ValueType::Int8, scalar(v));
}
void GgufWriter::setU16(const std::string& k, uint16_t v) {
    put(k, gguf::ValueType::UInt16, scalar(v));
}
void GgufWriter::setI16(const std::string& k, int16_t v) {
    put(k, gguf::ValueType::Int16, scalar(v));
}
void GgufWriter::setU32(const std::string& k, uint32_t v) {
    put(k, gguf::ValueType::UInt32, scalar(v));
}
void GgufWriter::setI32(const std::string& k, int32_t v) {
    put(k, gguf::ValueType::Int32, scalar(v));
}
void GgufWriter::setU64(const std::string& k, uint64_t v) {
    put(k, gguf::ValueType::UInt64, scalar(v));
}
void GgufWriter::setI64(const std::string& k, int64_t v) {
    put(k, gguf::ValueType::Int64, scalar(v));
}
void GgufWriter::setF32(const std::string& k, float v) {
    put(k, gguf::ValueType::Float32, scalar(v));
}
void GgufWriter::setF64(const std::string& k, double v) {
    put(k, gguf::ValueType::Float64, scalar(v));
}
void GgufWriter::setBool(const std::string& k, bool v) {
    put(k, gguf::ValueType::Bool, scalar<uint8_t>(v));
}
void GgufWriter::setString(const std::string& k, const std::string& v) {
    std::vector<uint8_t> p;
    appendString(p, v);
    put(k, gguf::ValueType::String, std::move(p));
}
void GgufWriter::setStringArray(const std::string& k, const std::vector<std::string>& v) {
    std::vector<uint8_t> elems;
    for (const auto& s : v)
        appendString(elems, s);
    put(k, gguf::ValueType::Array, arrayPayload(gguf::ValueType::String, v.size(), elems));
}
void GgufWriter::setI32Array(const std::string& k, const std::vector<int32_t>& v) {
    std::vector<uint8_t> elems;
    for (auto x : v)
        append(elems, x);
    put(k, gguf::ValueType::Array, arrayPayload(gguf::ValueType::Int32, v.size(), elems));
}
void GgufWriter::setF32Array(const std::string& k, const std::vector<float>& v) {
    std::vector<uint8_t> elems;
    for (auto x : v)
        append(elems, x);
    put(k, gguf::ValueType::Array, arrayPayload(gguf::ValueType::Float32, v.size(), elems));
}
void GgufWriter::setRaw(const std::string& k, gguf::ValueType type, std::vector<uint8_t> payload) {
    put(k, type, std::move(payload));
}
std::vector<uint8_t> GgufWriter::arrayPayload(gguf::ValueType elementType, uint64_t count,
                                              const std::vector<uint8_t>& elements) {
    std::vector<uint8_t> p;
    append<uint32_t>(p, static_cast<uint32_t>(elementType));
    append<uint64_t>(p, count);
    p.insert(p.end(), elements.begin(), elements.end());
    return p;
}
void GgufWriter::setAlignment(uint32_t alignment) {
    alignment_ = alignment;
    setU32("general.alignment", alignment);
}

void GgufWriter::addTensorBytes(const std::string& name, std::vector<uint64_t> dims, gguf::TensorType type,
                                std::vector<uint8_t> data) {
    removeTensor(name);
    const uint64_t size = data.size();
    tensors_.push_back({name, std::move(dims), static_cast<uint32_t>(type), std::move(data), {}, size});
}

void GgufWriter::addGeneratedTensor(const std::string& name, std::vector<uint64_t> dims,
                                    gguf::TensorType type, Fill fill) {
    removeTensor(name);
    uint64_t rows = 1;
    for (size_t i = 1; i < dims.size(); ++i)
        rows *= dims[i];
    const uint64_t size = gguf::rowBytes(type, dims.at(0)) * rows;
    tensors_.push_back({name, std::move(dims), static_cast<uint32_t>(type), {}, std::move(fill), size});
}

void GgufWriter::addTensor(const std::string& name, std::vector<uint64_t> dims, gguf::TensorType type,
                           const std::vector<float>& values) {
    const size_t rowLen = dims.at(0), rows = values.size() / rowLen;
    const size_t rb = gguf::rowBytes(type, rowLen);
    std::vector<uint8_t> data(rb * rows);
    for (size_t r = 0; r < rows; ++r)
        gguf::quantizeRow(type, values.data() + r * rowLen, data.data() + r * rb, rowLen);
    addTensorBytes(name, std::move(dims), type, std::move(data));
}

bool GgufWriter::hasTensor(const std::string& name) const {
    return std::any_of(tensors_.begin(), tensors_.end(), [&](const Tensor& t) { return t.name == name; });
}
void GgufWriter::removeTensor(const std::string& name) {
    std::erase_if(tensors_, [&](const Tensor& t) { return t.name == name; });
}
void GgufWriter::removeKey(const std::string& key) {
    std::erase_if(kvs_, [&](const Kv& kv) { return kv.key == key; });
}

std::vector<uint8_t> GgufWriter::header(Layout& l, std::vector<uint64_t>& offsets) const {
    std::vector<uint8_t> out;
    append<uint32_t>(out, 0x46554747);
    append<uint32_t>(out, version_);
    append<uint64_t>(out, tensors_.size());
    append<uint64_t>(out, kvs_.size());
    for (const auto& kv : kvs_) {
        l.kvOffsets.push_back(out.size());
        appendString(out, kv.key);
        append<uint32_t>(out, kv.type);
        out.insert(out.end(), kv.payload.begin(), kv.payload.end());
    }
    uint64_t offset = 0;
    for (const auto& t : tensors_) {
        l.tensorInfoOffsets.push_back(out.size());
        appendString(out, t.name);
        append<uint32_t>(out, static_cast<uint32_t>(t.dims.size()));
        for (auto d : t.dims)
            append<uint64_t>(out, d);
        append<uint32_t>(out, t.type);
        append<uint64_t>(out, offset);
        offsets.push_back(offset);
        offset = (offset + t.size + alignment_ - 1) / alignment_ * alignment_;
    }
    l.tensorInfosEnd = out.size();
    out.resize((out.size() + alignment_ - 1) / alignment_ * alignment_, 0);
    l.dataStart = out.size();
    return out;
}

void GgufWriter::writeData(const Tensor& t, const std::function<void(const uint8_t*, size_t)>& sink) {
    if (!t.fill) {
        sink(t.data.data(), t.data.size());
        return;
    }
    const uint64_t rowBytes = gguf::rowBytes(static_cast<gguf::TensorType>(t.type), t.dims.at(0));
    const uint64_t rowsPerChunk = std::max<uint64_t>(1, (8u << 20) / std::max<uint64_t>(1, rowBytes));
    std::vector<uint8_t> chunk;
    for (uint64_t done = 0; done < t.size;) {
        chunk.assign(std::min(rowsPerChunk * rowBytes, t.size - done), 0);
        t.fill(chunk);
        sink(chunk.data(), chunk.size());
        done += chunk.size();
    }
}

std::vector<uint8_t> GgufWriter::bytes(Layout* layout) const {
    Layout l;
    std::vector<uint64_t> offsets;
    std::vector<uint8_t> out = header(l, offsets);
    for (size_t i = 0; i < tensors_.size(); ++i) {
        out.resize(l.dataStart + offsets[i], 0);
        l.tensorDataOffsets.push_back(out.size());
        writeData(tensors_[i], [&](const uint8_t* p, size_t n) { out.insert(out.end(), p, p + n); });
    }
    if (!tensors_.empty()) out.resize((out.size() + alignment_ - 1) / alignment_ * alignment_, 0);
    if (layout) *layout = std::move(l);
    return out;
}

void GgufWriter::save(const std::string& path) const {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) throw std::runtime_error("cannot write " + path);
    Layout l;
    std::vector<uint64_t> offsets;
    const std::vector<uint8_t> head = header(l, offsets);
    f.write(reinterpret_cast<const char*>(head.data()), static_cast<std::streamsize>(head.size()));
    uint64_t at = head.size();
    static const char zeros[256] = {};
    const auto padTo = [&](uint64_t target) {
        for (; at < target; at += std::min<uint64_t>(sizeof zeros, target - at))
            f.write(zeros, static_cast<std::streamsize>(std::min<uint64_t>(sizeof zeros, target - at)));
    };
    for (size_t i = 0; i < tensors_.size(); ++i) {
        padTo(l.dataStart + offsets[i]);
        writeData(tensors_[i], [&](const uint8_t* p, size_t n) {
            f.write(reinterpret_cast<const char*>(p), static_cast<std::streamsize>(n));
            at += n;
        });
    }
    if (!tensors_.empty()) padTo((at + alignment_ - 1) / alignment_ * alignment_);
    f.flush();
    if (!f) throw std::runtime_error("writing " + path + " failed (disk full?)");
}

} // namespace sosoik::gguf
