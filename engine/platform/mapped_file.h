#pragma once
// A read-only memory mapping of a whole file: the engine's only OS-specific file code, so that the
// GGUF reader stays portable. mapped_file_posix.cpp (mmap) and mapped_file_win32.cpp
// (CreateFileMapping) each compile only on their platform.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace sosoik::platform {

class MappedFile {
public:
    // Maps path read-only; throws sosoik::Error (Io) with the OS's reason. An empty file maps to
    // an empty span.
    static MappedFile open(const std::string& path);

    MappedFile() = default;
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    std::span<const uint8_t> bytes() const { return {static_cast<const uint8_t*>(data_), size_}; }

private:
    void release();
    void* data_ = nullptr;
    size_t size_ = 0;
};

} // namespace sosoik::platform
