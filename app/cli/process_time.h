#pragma once
// The CLI's one OS-specific call: CPU time of the whole process (all threads, a CPU Vulkan driver's
// workers included), from getrusage on POSIX and GetProcessTimes on Windows.
namespace sosoik::cli {

double processCpuSeconds();

} // namespace sosoik::cli
