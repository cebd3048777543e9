#pragma once
// How much memory this computer has, for decisions a model load makes before it allocates (the reference
// backend refuses a model it could only run by paging its weights from disk).
#include <cstdint>

namespace sosoik::platform {

// Physical memory in bytes; 0 when the system does not say.
uint64_t physicalMemoryBytes();

} // namespace sosoik::platform
