#pragma once
// GPT-2's reversible byte <-> printable-character mapping: byte-level BPE vocabularies store
// tokens as these characters (a space is "Ġ", a newline "Ċ") so every byte string has a spelling.
#include <string>
#include <string_view>

namespace sosoik::tok {

std::string byteLevelEncode(std::string_view raw);
// Characters outside the mapping are kept as their UTF-8 bytes.
std::string byteLevelDecode(std::string_view encoded);

} // namespace sosoik::tok
