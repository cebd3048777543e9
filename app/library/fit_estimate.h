#pragma once
// Does a model fit this computer? Weights + KV cache + scratch (sosoik::ModelFootprint) against the
// memory the chosen backend can use now: free VRAM of the chosen Vulkan device, or available RAM for
// the CPU (the reference backend, and Vulkan on a CPU device such as lavapipe, allocate from RAM).
#include "sosoik/devices.h"
#include "sosoik/footprint.h"

#include <QString>

#include <vector>

namespace sosoik::app {

enum class Fit {
    Fits,               // at the wanted context
    FitsShorterContext, // only with FitEstimate::context tokens
    DoesNotFit,         // not even with the shortest useful context
};

struct FitEstimate {
    Fit verdict = Fit::DoesNotFit;
    int context = 0;         // the wanted context, or the longest that fits
    quint64 neededBytes = 0; // at the wanted context
    quint64 availableBytes = 0;
};

// Shortest context worth offering: below it a chat turn with its system prompt does not fit.
constexpr int kShortestUsefulContext = 512;

// wantedContext is capped at the model's trained context when that is known.
FitEstimate estimateFit(const ModelFootprint& footprint, int wantedContext, quint64 availableBytes);

struct MemoryBudget {
    BackendKind backend = BackendKind::Reference; // whose footprint to compare with
    quint64 bytes = 0;                            // usable now
    QString device;                               // GPU name, or "" for the computer's RAM (CPU devices too)
    int cpuCores = 0; // physical cores (0: unknown); what runs a model without a GPU
};

// The budget for the app's backend setting ("auto", "vulkan", "reference") and Vulkan device index
// (-1: the preferred one), given the listed devices and the available RAM.
MemoryBudget memoryBudget(const QString& backend, int deviceIndex, const std::vector<DeviceInfo>& devices,
                          quint64 availableRam);

// MemAvailable (Linux) / ullAvailPhys (Windows); 0 when unknown.
quint64 availableRamBytes();

} // namespace sosoik::app
