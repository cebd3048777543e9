#include "tokenizer/protobuf_writer.h"

#include <cstring>

namespace sosoik::pb {
namespace {
constexpr uint32_t kVarint = 0;
constexpr uint32_t kFixed32 = 5;
constexpr uint32_t kLengthDelimited = 2;
} // namespace

void Writer::varint(uint64_t value) {
    while (value >= 0x80) {
        out_.push_back(static_cast<char>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out_.push_back(static_cast<char>(value));
}

void Writer::key(uint32_t field, uint32_t wireType) {
    varint((static_cast<uint64_t>(field) << 3) | wireType);
}

void Writer::varintField(uint32_t field, uint64_t value) {
    key(field, kVarint);
    varint(value);
}

void Writer::int32Field(uint32_t field, int32_t value) {
    // int32 is sign-extended to 64 bits on the wire (not zigzag: that is sint32).
    varintField(field, static_cast<uint64_t>(static_cast<int64_t>(value)));
}

void Writer::floatField(uint32_t field, float value) {
    key(field, kFixed32);
    uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    for (int i = 0; i < 4; ++i)
        out_.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
}

void Writer::bytesField(uint32_t field, std::string_view bytes) {
    key(field, kLengthDelimited);
    varint(bytes.size());
    out_.append(bytes);
}

} // namespace sosoik::pb
