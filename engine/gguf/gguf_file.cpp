// GGUF parsing. Every read goes through Cursor, which checks bounds before touching bytes,
// and every count is checked against the bytes that remain before anything is allocated,
// so arbitrary input yields an Error, never a crash, hang or huge allocation.
#include "gguf/gguf_file.h"

#include "sosoik/error.h"

#include <cstring>
#include <unordered_set>

namespace sosoik::gguf {
namespace {

constexpr uint32_t kMagic = 0x46554747; // "GGUF" little-endian
constexpr int kMaxDims = 4;             // GGML_MAX_DIMS
constexpr int kMaxArrayDepth = 8;
// Materialized array elements over the whole file; real vocabularies hold a few hundred
// thousand, and the cap keeps a hostile file from making us allocate gigabytes of Values.
constexpr uint64_t kMaxArrayElements = uint64_t(1) << 23;

[[noreturn]] void fail(const std::string& msg) {
    throw Error(Error::Kind::InvalidModel, msg);
}

std::string valueTypeName(uint32_t t) {
    static const char* names[] = {"uint8", "int8",   "uint16", "int16",  "uint32", "int32",  "float32",
                                  "bool",  "string", "array",  "uint64", "int64",  "float64"};
    return t < 13 ? names[t] : "type " + std::to_string(t);
}

class Cursor {
public:
    Cursor(std::span<const uint8_t> bytes, const std::string& fileName)
        : bytes_(bytes), fileName_(fileName) {}
    uint64_t pos() const { return pos_; }
    uint64_t remaining() const { return bytes_.size() - pos_; }

    void need(uint64_t n, const std::string& what) const {
        if (n > remaining())
            fail(fileName_ + ": file ends inside " + what + " (needs " + std::to_string(n) +
                 " bytes at offset " + std::to_string(pos_) + ", file size " + std::to_string(bytes_.size()) +
                 ")");
    }
    template <class T> T read(const std::string& what) {
        need(sizeof(T), what);
        T v;
        std::memcpy(&v, bytes_.data() + pos_, sizeof(T));
        pos_ += sizeof(T);
        return v;
    }
    std::string readString(const std::string& what) {
        const uint64_t len = read<uint64_t>(what + " (length)");
        if (len > remaining())
            fail(fileName_ + ": " + what + " has length " + std::to_string(len) + " but only " +
                 std::to_string(remaining()) + " bytes remain at offset " + std::to_string(pos_));
        std::string s(reinterpret_cast<const char*>(bytes_.data() + pos_), len);
        pos_ += len;
        return s;
    }

private:
    std::span<const uint8_t> bytes_;
    const std::string& fileName_;
    uint64_t pos_ = 0;
};

// Smallest encoding of one element of the type, used to bound counts before allocating.
uint64_t minEncodedSize(uint32_t t) {
    switch (static_cast<ValueType>(t)) {
    case ValueType::UInt8:
    case ValueType::Int8:
    case ValueType::Bool:
        return 1;
    case ValueType::UInt16:
    case ValueType::Int16:
        return 2;
    case ValueType::UInt32:
    case ValueType::Int32:
    case ValueType::Float32:
        return 4;
    case ValueType::UInt64:
    case ValueType::Int64:
    case ValueType::Float64:
    case ValueType::String:
        return 8;
    case ValueType::Array:
        return 12;
    }
    return 1;
}

Value readValue(Cursor& c, uint32_t type, const std::string& key, int depth, uint64_t& budget) {
    Value v;
    v.type = static_cast<ValueType>(type);
    switch (v.type) {
    case ValueType::UInt8:
        v.data = uint64_t(c.read<uint8_t>(key));
        break;
    case ValueType::Int8:
        v.data = int64_t(c.read<int8_t>(key));
        break;
    case ValueType::UInt16:
        v.data = uint64_t(c.read<uint16_t>(key));
        break;
    case ValueType::Int16:
        v.data = int64_t(c.read<int16_t>(key));
        break;
    case ValueType::UInt32:
        v.data = uint64_t(c.read<uint32_t>(key));
        break;
    case ValueType::Int32:
        v.data = int64_t(c.read<int32_t>(key));
        break;
    case ValueType::UInt64:
        v.data = c.read<uint64_t>(key);
        break;
    case ValueType::Int64:
        v.data = c.read<int64_t>(key);
        break;
    case ValueType::Float32:
        v.data = double(c.read<float>(key));
        break;
    case ValueType::Float64:
        v.data = c.read<double>(key);
        break;
    case ValueType::Bool: {
        const uint8_t b = c.read<uint8_t>(key);
        if (b > 1) fail("metadata " + key + ": invalid bool value " + std::to_string(b));
        v.data = b != 0;
        break;
    }
    case ValueType::String:
        v.data = c.readString("metadata " + key);
        break;
    case ValueType::Array: {
        if (depth >= kMaxArrayDepth)
            fail("metadata " + key + ": arrays nested deeper than " + std::to_string(kMaxArrayDepth));
        const uint32_t elemType = c.read<uint32_t>("metadata " + key + " (array type)");
        if (elemType > static_cast<uint32_t>(ValueType::Float64))
            fail("metadata " + key + ": unknown array element type " + std::to_string(elemType));
        const uint64_t count = c.read<uint64_t>("metadata " + key + " (array length)");
        if (count > c.remaining() / minEncodedSize(elemType) || count > budget)
            fail("metadata " + key + ": array of " + std::to_string(count) + " " + valueTypeName(elemType) +
                 " values does not fit in the " + std::to_string(c.remaining()) +
                 " bytes that remain (or exceeds the engine's limit of " + std::to_string(kMaxArrayElements) +
                 " array elements per file)");
        budget -= count;
        v.elementType = static_cast<ValueType>(elemType);
        auto arr = std::make_shared<Array>();
        arr->reserve(count);
        for (uint64_t i = 0; i < count; ++i)
            arr->push_back(readValue(c, elemType, key, depth + 1, budget));
        v.data = std::move(arr);
        break;
    }
    default:
        fail("metadata " + key + ": unknown value type " + std::to_string(type));
    }
    return v;
}

std::string describeDims(const std::vector<uint64_t>& dims) {
    std::string s = "[";
    for (size_t i = 0; i < dims.size(); ++i)
        s += (i ? ", " : "") + std::to_string(dims[i]);
    return s + "]";
}

} // namespace

std::optional<int64_t> Value::asInt() const {
    if (auto* i = std::get_if<int64_t>(&data)) return *i;
    if (auto* u = std::get_if<uint64_t>(&data))
        if (*u <= static_cast<uint64_t>(INT64_MAX)) return static_cast<int64_t>(*u);
    return std::nullopt;
}
std::optional<double> Value::asFloat() const {
    if (auto* d = std::get_if<double>(&data)) return *d;
    if (auto* i = std::get_if<int64_t>(&data)) return static_cast<double>(*i);
    if (auto* u = std::get_if<uint64_t>(&data)) return static_cast<double>(*u);
    return std::nullopt;
}
std::optional<bool> Value::asBool() const {
    if (auto* b = std::get_if<bool>(&data)) return *b;
    return std::nullopt;
}
const std::string* Value::asString() const {
    return std::get_if<std::string>(&data);
}
const Array* Value::asArray() const {
    auto* a = std::get_if<std::shared_ptr<Array>>(&data);
    return a ? a->get() : nullptr;
}

uint64_t TensorInfo::elements() const {
    uint64_t n = 1;
    for (auto d : dims)
        n *= d; // validated at open time not to overflow
    return n;
}

std::unique_ptr<File> File::open(const std::string& path) {
    std::unique_ptr<File> f(new File());
    f->path_ = path;
    f->mapping_ = platform::MappedFile::open(path); // throws Error(Io) in words
    f->bytes_ = f->mapping_.bytes();
    f->parse();
    return f;
}

std::unique_ptr<File> File::fromMemory(std::span<const uint8_t> bytes, std::string name) {
    std::unique_ptr<File> f(new File());
    f->path_ = std::move(name);
    f->bytes_ = bytes;
    f->parse();
    return f;
}

File::~File() = default;

void File::parse() {
    Cursor c(bytes_, path_);
    if (bytes_.size() < 4 || c.read<uint32_t>("magic") != kMagic)
        fail(path_ + " is not a GGUF file (missing 'GGUF' magic)");
    version_ = c.read<uint32_t>("header");
    if (version_ != 2 && version_ != 3)
        throw Error(Error::Kind::Unsupported, path_ + ": GGUF version " + std::to_string(version_) +
                                                  " is not supported (only 2 and 3)");
    const uint64_t tensorCount = c.read<uint64_t>("header (tensor count)");
    const uint64_t kvCount = c.read<uint64_t>("header (metadata count)");
    // A key-value pair takes at least 12 bytes, a tensor info at least 28.
    if (kvCount > c.remaining() / 12)
        fail(path_ + ": header claims " + std::to_string(kvCount) +
             " metadata entries, more than the file can hold");
    if (tensorCount > c.remaining() / 28)
        fail(path_ + ": header claims " + std::to_string(tensorCount) +
             " tensors, more than the file can hold");

    std::unordered_set<std::string> keys;
    uint64_t arrayBudget = kMaxArrayElements;
    metadata_.reserve(kvCount);
    for (uint64_t i = 0; i < kvCount; ++i) {
        std::string key = c.readString("metadata key #" + std::to_string(i));
        if (!keys.insert(key).second) fail("metadata " + key + ": duplicate key");
        const uint32_t type = c.read<uint32_t>("metadata " + key + " (type)");
        Value v = readValue(c, type, key, 0, arrayBudget);
        metadata_.emplace_back(std::move(key), std::move(v));
    }
    if (const Value* a = find("general.alignment")) {
        auto n = a->asInt();
        if (!n || *n <= 0 || (*n & (*n - 1)) != 0 || *n > (1 << 24))
            fail("metadata general.alignment: must be a power of two, got " +
                 (n ? std::to_string(*n) : std::string("a non-integer")));
        alignment_ = static_cast<uint64_t>(*n);
    }

    std::unordered_set<std::string> names;
    tensors_.reserve(tensorCount);
    for (uint64_t i = 0; i < tensorCount; ++i) {
        TensorInfo t;
        t.name = c.readString("tensor info #" + std::to_string(i) + " (name)");
        const std::string what = "tensor " + t.name;
        if (!names.insert(t.name).second) fail(what + ": duplicate tensor name");
        const uint32_t nDims = c.read<uint32_t>(what + " (dimension count)");
        if (nDims == 0 || nDims > kMaxDims)
            fail(what + ": " + std::to_string(nDims) + " dimensions (must be 1..4)");
        uint64_t elements = 1;
        for (uint32_t d = 0; d < nDims; ++d) {
            const uint64_t dim = c.read<uint64_t>(what + " (dimensions)");
            t.dims.push_back(dim);
            if (dim == 0 || dim > static_cast<uint64_t>(INT64_MAX) ||
                __builtin_mul_overflow(elements, dim, &elements) ||
                elements > static_cast<uint64_t>(INT64_MAX))
                fail(what + ": invalid dimensions " + describeDims(t.dims) +
                     " (zero or element count overflows)");
        }
        const uint32_t typeId = c.read<uint32_t>(what + " (type)");
        const auto tr = traits(typeId);
        if (!tr) fail(what + ": unknown tensor type id " + std::to_string(typeId));
        t.type = static_cast<TensorType>(typeId);
        if (t.dims[0] % tr->blockElements != 0)
            fail(what + ": row length " + std::to_string(t.dims[0]) + " is not a multiple of " +
                 std::string(tr->name) + "'s block size " + std::to_string(tr->blockElements));
        if (__builtin_mul_overflow(elements / tr->blockElements, uint64_t(tr->blockBytes), &t.bytes))
            fail(what + ": byte size overflows");
        t.offset = c.read<uint64_t>(what + " (offset)");
        if (t.offset % alignment_ != 0)
            fail(what + ": data offset " + std::to_string(t.offset) + " is not a multiple of the alignment " +
                 std::to_string(alignment_));
        tensors_.push_back(std::move(t));
    }

    const uint64_t dataStart = (c.pos() + alignment_ - 1) / alignment_ * alignment_;
    for (auto& t : tensors_) {
        uint64_t start = 0, end = 0;
        if (__builtin_add_overflow(dataStart, t.offset, &start) ||
            __builtin_add_overflow(start, t.bytes, &end) || end > bytes_.size())
            fail("tensor " + t.name + ": data ends at byte " +
                 (start >= dataStart && end >= start ? std::to_string(end) : std::string("(overflow)")) +
                 " past end of file (size " + std::to_string(bytes_.size()) + ")");
        t.data = bytes_.data() + start;
    }
}

const Value* File::find(std::string_view key) const {
    for (const auto& [k, v] : metadata_)
        if (k == key) return &v;
    return nullptr;
}

namespace {
[[noreturn]] void wrongType(std::string_view key, const Value& v, const char* expected) {
    fail("metadata " + std::string(key) + ": expected " + expected + ", found " +
         valueTypeName(static_cast<uint32_t>(v.type)));
}
} // namespace

std::optional<int64_t> File::getInt(std::string_view key) const {
    const Value* v = find(key);
    if (!v) return std::nullopt;
    if (auto i = v->asInt()) return i;
    wrongType(key, *v, "an integer");
}
std::optional<double> File::getFloat(std::string_view key) const {
    const Value* v = find(key);
    if (!v) return std::nullopt;
    if (auto d = v->asFloat()) return d;
    wrongType(key, *v, "a number");
}
std::optional<bool> File::getBool(std::string_view key) const {
    const Value* v = find(key);
    if (!v) return std::nullopt;
    if (auto b = v->asBool()) return b;
    wrongType(key, *v, "a bool");
}
std::optional<std::string> File::getString(std::string_view key) const {
    const Value* v = find(key);
    if (!v) return std::nullopt;
    if (auto s = v->asString()) return *s;
    wrongType(key, *v, "a string");
}
const Array* File::getArray(std::string_view key) const {
    const Value* v = find(key);
    if (!v) return nullptr;
    if (auto a = v->asArray()) return a;
    wrongType(key, *v, "an array");
}

const TensorInfo* File::tensor(std::string_view name) const {
    for (const auto& t : tensors_)
        if (t.name == name) return &t;
    return nullptr;
}

} // namespace sosoik::gguf
