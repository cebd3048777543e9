#pragma once
// The one GGUF writer: the tests' fixtures and `sosoik-cli bench --synthetic` both write with it.
// Any metadata value type (nested arrays too), tensors of any type, any alignment, and a record of
// where each section starts so that corruption tests can damage precise fields. Tensor data can be
// generated while saving (addGeneratedTensor), so multi-GB synthetic models never sit in memory.
// Engine-internal (not part of the public API); Qt-free.
#include "gguf/gguf_file.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sosoik::gguf {

class GgufWriter {
public:
    explicit GgufWriter(uint32_t version = 3) : version_(version) {}

    // Scalars and strings.
    void setU8(const std::string& key, uint8_t v);
    void setI8(const std::string& key, int8_t v);
    void setU16(const std::string& key, uint16_t v);
    void setI16(const std::string& key, int16_t v);
    void setU32(const std::string& key, uint32_t v);
    void setI32(const std::string& key, int32_t v);
    void setU64(const std::string& key, uint64_t v);
    void setI64(const std::string& key, int64_t v);
    void setF32(const std::string& key, float v);
    void setF64(const std::string& key, double v);
    void setBool(const std::string& key, bool v);
    void setString(const std::string& key, const std::string& v);
    void setStringArray(const std::string& key, const std::vector<std::string>& v);
    void setI32Array(const std::string& key, const std::vector<int32_t>& v);
    void setF32Array(const std::string& key, const std::vector<float>& v);
    // Escape hatch: the value's bytes exactly as they follow the type id in the file.
    void setRaw(const std::string& key, gguf::ValueType type, std::vector<uint8_t> payload);
    // Encodes an array payload (element type + count + elements) for setRaw / nesting.
    static std::vector<uint8_t> arrayPayload(gguf::ValueType elementType, uint64_t count,
                                             const std::vector<uint8_t>& elements);
    // general.alignment is written as a u32 key and used for the layout.
    void setAlignment(uint32_t alignment);

    // Tensor with raw bytes (must match the type's size for dims unless testing corruption).
    void addTensorBytes(const std::string& name, std::vector<uint64_t> dims, gguf::TensorType type,
                        std::vector<uint8_t> data);
    // Tensor from floats (row-major, dims[0] contiguous), quantized row by row to type.
    void addTensor(const std::string& name, std::vector<uint64_t> dims, gguf::TensorType type,
                   const std::vector<float>& values);
    // Tensor whose bytes are produced while saving, in chunks: fill(chunk) is called with chunk
    // sized to whole rows (at most ~8 MiB) until the tensor's rowBytes * rows bytes are written.
    using Fill = std::function<void(std::vector<uint8_t>& chunk)>;
    void addGeneratedTensor(const std::string& name, std::vector<uint64_t> dims, gguf::TensorType type,
                            Fill fill);
    bool hasTensor(const std::string& name) const;
    void removeTensor(const std::string& name);
    void removeKey(const std::string& key);

    struct Layout {
        size_t tensorCountOffset = 8;
        size_t kvCountOffset = 16;
        std::vector<size_t> kvOffsets;         // start of each key-value pair
        std::vector<size_t> tensorInfoOffsets; // start of each tensor info
        size_t tensorInfosEnd = 0;
        size_t dataStart = 0;
        std::vector<size_t> tensorDataOffsets; // absolute
    };
    std::vector<uint8_t> bytes(Layout* layout = nullptr) const;
    // Streams the file to path (generated tensors chunk by chunk). Throws std::runtime_error on
    // I/O failure (a full disk included).
    void save(const std::string& path) const;

private:
    struct Kv {
        std::string key;
        uint32_t type;
        std::vector<uint8_t> payload;
    };
    struct Tensor {
        std::string name;
        std::vector<uint64_t> dims;
        uint32_t type;
        std::vector<uint8_t> data;
        Fill fill;         // set for generated tensors (data is then empty)
        uint64_t size = 0; // bytes of the tensor's data
    };
    std::vector<uint8_t> header(Layout& layout, std::vector<uint64_t>& offsets) const;
    static void writeData(const Tensor& t, const std::function<void(const uint8_t*, size_t)>& sink);
    void put(const std::string& key, gguf::ValueType type, std::vector<uint8_t> payload);
    uint32_t version_;
    uint32_t alignment_ = 32;
    std::vector<Kv> kvs_;
    std::vector<Tensor> tensors_;
};

} // namespace sosoik::gguf
