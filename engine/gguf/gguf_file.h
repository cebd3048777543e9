#pragma once
// A memory-mapped, fully validated GGUF (v2/v3) file. Construction validates everything
// (header, metadata, tensor infos, offsets, sizes, alignment); accessors never fail on
// malformed bytes afterwards. Errors name the key or tensor and the byte position.
#include "gguf/tensor_types.h"
#include "platform/mapped_file.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sosoik::gguf {

enum class ValueType : uint32_t {
    UInt8 = 0,
    Int8 = 1,
    UInt16 = 2,
    Int16 = 3,
    UInt32 = 4,
    Int32 = 5,
    Float32 = 6,
    Bool = 7,
    String = 8,
    Array = 9,
    UInt64 = 10,
    Int64 = 11,
    Float64 = 12,
};

struct Value;
using Array = std::vector<Value>;
// Scalars are widened: integers to int64/uint64, floats to double. Strings are copied;
// large arrays (vocabularies) are materialized once at open time, bounded by the file size.
struct Value {
    ValueType type = ValueType::UInt8;
    ValueType elementType = ValueType::UInt8; // for arrays
    std::variant<int64_t, uint64_t, double, bool, std::string, std::shared_ptr<Array>> data;

    std::optional<int64_t> asInt() const;  // any integer type that fits
    std::optional<double> asFloat() const; // floats and integers
    std::optional<bool> asBool() const;
    const std::string* asString() const;
    const Array* asArray() const;
};

struct TensorInfo {
    std::string name;
    std::vector<uint64_t> dims; // ggml order: dims[0] is the contiguous (row) dimension
    TensorType type = TensorType::F32;
    uint64_t offset = 0; // relative to the data section
    uint64_t bytes = 0;  // validated: fits in the file
    uint64_t elements() const;
    const uint8_t* data = nullptr; // into the mapping
};

class File {
public:
    // Throws sosoik::Error(InvalidModel / Io / Unsupported) with a precise message.
    static std::unique_ptr<File> open(const std::string& path);
    // Parses an in-memory image (used by the fuzzer and tests); bytes must outlive the File.
    static std::unique_ptr<File> fromMemory(std::span<const uint8_t> bytes, std::string name = "<memory>");
    ~File();

    uint32_t version() const { return version_; }
    uint64_t fileSize() const { return bytes_.size(); }
    uint64_t alignment() const { return alignment_; }
    const std::string& path() const { return path_; }

    const Value* find(std::string_view key) const;
    bool has(std::string_view key) const { return find(key) != nullptr; }
    // Typed getters: nullopt when absent; throw Error naming the key when present with a wrong type.
    std::optional<int64_t> getInt(std::string_view key) const;
    std::optional<double> getFloat(std::string_view key) const;
    std::optional<bool> getBool(std::string_view key) const;
    std::optional<std::string> getString(std::string_view key) const;
    const Array* getArray(std::string_view key) const;
    const std::vector<std::pair<std::string, Value>>& metadata() const { return metadata_; }

    const std::vector<TensorInfo>& tensors() const { return tensors_; }
    const TensorInfo* tensor(std::string_view name) const;

private:
    File() = default;
    void parse();
    std::string path_;
    std::span<const uint8_t> bytes_;
    platform::MappedFile mapping_; // empty for fromMemory()
    uint32_t version_ = 0;
    uint64_t alignment_ = 32;
    std::vector<std::pair<std::string, Value>> metadata_;
    std::vector<TensorInfo> tensors_;
};

} // namespace sosoik::gguf
