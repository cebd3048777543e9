#pragma once
// SPIR-V of every shaders/*.comp, embedded at build time (see shaders/CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace sosoik::vk {

struct ShaderBlob {
    const char* name; // file name without .comp
    const uint32_t* words;
    size_t wordCount;
};

std::span<const ShaderBlob> allShaders();

inline const ShaderBlob* findShader(std::string_view name) {
    for (const auto& s : allShaders())
        if (name == s.name) return &s;
    return nullptr;
}

} // namespace sosoik::vk
