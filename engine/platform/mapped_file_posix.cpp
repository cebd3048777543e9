// MappedFile on Linux and macOS: open (non-blocking) + fstat (regular files only) + mmap(PROT_READ,
// MAP_PRIVATE).
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
    // O_NONBLOCK: opening a named pipe (FIFO) for reading would otherwise wait for a writer forever before
    // the regular-file check below could refuse it (issue #19 item 7). It has no effect on regular files.
#ifdef O_CLOEXEC
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
#else
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK);
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
