// MappedFile on Linux and macOS: open + fstat + mmap(PROT_READ, MAP_PRIVATE).
#ifndef _WIN32
#include "platform/mapped_file.h"

#include "sosoik/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sosoik::platform {

MappedFile MappedFile::open(const std::string& path) {
#ifdef O_CLOEXEC
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
#else
    const int fd = ::open(path.c_str(), O_RDONLY);
#endif
    if (fd < 0) throw Error(Error::Kind::Io, "cannot open " + path + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw Error(Error::Kind::Io, path + " is not a regular file");
    }
    MappedFile file;
    if (st.st_size > 0) {
        void* m = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (m == MAP_FAILED) {
            const int err = errno;
            ::close(fd);
            throw Error(Error::Kind::Io, "cannot map " + path + ": " + std::strerror(err));
        }
        file.data_ = m;
        file.size_ = static_cast<size_t>(st.st_size);
    }
    ::close(fd); // the mapping keeps the file alive
    return file;
}

void MappedFile::release() {
    if (data_) ::munmap(data_, size_);
    data_ = nullptr;
    size_ = 0;
}

} // namespace sosoik::platform
#endif
