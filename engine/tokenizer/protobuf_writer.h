#pragma once
// A minimal protobuf wire-format writer: just enough to serialize a sentencepiece ModelProto.
// We cannot link libprotobuf (its descriptors clash with the copy inside libsentencepiece),
// and the message we need uses only varints, floats and length-delimited fields.
#include <cstdint>
#include <string>
#include <string_view>

namespace sosoik::pb {

class Writer {
public:
    void varintField(uint32_t field, uint64_t value);
    void int32Field(uint32_t field, int32_t value); // negative values use 10 bytes, as protobuf does
    void boolField(uint32_t field, bool value) { varintField(field, value ? 1 : 0); }
    void floatField(uint32_t field, float value);
    void bytesField(uint32_t field, std::string_view bytes); // also strings and nested messages

    const std::string& bytes() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    void key(uint32_t field, uint32_t wireType);
    void varint(uint64_t value);
    std::string out_;
};

} // namespace sosoik::pb
