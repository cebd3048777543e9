// MappedFile on Windows: CreateFileW (UTF-8 path widened) + CreateFileMappingW + MapViewOfFile.
// Not built or tested on Windows yet (README, "Building on other platforms").
#ifdef _WIN32
#include "platform/mapped_file.h"

#include "sosoik/error.h"

#define WIN32_LEAN_AND_MEAN
#include <windows.h>

namespace sosoik::platform {
namespace {

std::wstring widen(const std::string& utf8) {
    const int n = MultiByteToWideChar(CP_UTF8, 0, utf8.data(), int(utf8.size()), nullptr, 0);
    std::wstring wide(size_t(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, utf8.data(), int(utf8.size()), wide.data(), n);
    return wide;
}

std::string lastError() {
    char buffer[256] = {};
    FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr, GetLastError(), 0, buffer,
                   sizeof buffer, nullptr);
    return buffer;
}

} // namespace

MappedFile MappedFile::open(const std::string& path) {
    HANDLE file = CreateFileW(widen(path).c_str(), GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING,
                              FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE) throw Error(Error::Kind::Io, "cannot open " + path + ": " + lastError());
    LARGE_INTEGER size{};
    if (!GetFileSizeEx(file, &size) || GetFileType(file) != FILE_TYPE_DISK) {
        CloseHandle(file);
        throw Error(Error::Kind::Io, path + " is not a regular file");
    }
    MappedFile mapped;
    if (size.QuadPart > 0) {
        HANDLE mapping = CreateFileMappingW(file, nullptr, PAGE_READONLY, 0, 0, nullptr);
        void* view = mapping ? MapViewOfFile(mapping, FILE_MAP_READ, 0, 0, 0) : nullptr;
        const std::string why = view ? std::string() : lastError();
        if (mapping) CloseHandle(mapping); // the view keeps the mapping alive
        if (!view) {
            CloseHandle(file);
            throw Error(Error::Kind::Io, "cannot map " + path + ": " + why);
        }
        mapped.data_ = view;
        mapped.size_ = size_t(size.QuadPart);
    }
    CloseHandle(file);
    return mapped;
}

void MappedFile::release() {
    if (data_) UnmapViewOfFile(data_);
    data_ = nullptr;
    size_ = 0;
}

} // namespace sosoik::platform
#endif
