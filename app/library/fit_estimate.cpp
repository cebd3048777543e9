#include "library/fit_estimate.h"

#include <QFile>

#include <algorithm>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace sosoik::app {

FitEstimate estimateFit(const ModelFootprint& footprint, int wantedContext, quint64 availableBytes) {
    FitEstimate e;
    e.availableBytes = availableBytes;
    int context = std::max(wantedContext, kShortestUsefulContext);
    if (footprint.trainedContext > 0) context = std::min(context, footprint.trainedContext);
    e.context = context;
    e.neededBytes = footprint.bytesFor(context);
    if (e.neededBytes <= availableBytes) {
        e.verdict = Fit::Fits;
        return e;
    }
    const quint64 fixed = footprint.bytesFor(0);
    const int shortest = std::min(kShortestUsefulContext, context);
    if (fixed + footprint.kvBytesPerToken * quint64(shortest) > availableBytes) {
        e.verdict = Fit::DoesNotFit;
        return e;
    }
    // The longest context in whole 256-token steps (what people pick in the settings).
    quint64 tokens =
        footprint.kvBytesPerToken ? (availableBytes - fixed) / footprint.kvBytesPerToken : quint64(context);
    tokens = std::min<quint64>(tokens, quint64(context)) / 256 * 256;
    e.verdict = Fit::FitsShorterContext;
    e.context = std::max(shortest, int(tokens));
    return e;
}

MemoryBudget memoryBudget(const QString& backend, int deviceIndex, const std::vector<DeviceInfo>& devices,
                          quint64 availableRam) {
    MemoryBudget ram{BackendKind::Reference, availableRam, QString()};
    if (backend == QLatin1String("reference") || devices.empty()) return ram;
    int index = deviceIndex;
    if (backend != QLatin1String("vulkan") || index < 0 || index >= int(devices.size()))
        index = preferredDevice(devices);
    if (index < 0 || index >= int(devices.size())) return ram;
    const DeviceInfo& d = devices[size_t(index)];
    // A CPU Vulkan device (lavapipe) allocates its "device-local" heap from RAM; what is free there
    // is what the computer has free, not the heap size the driver reports.
    if (d.type == "cpu") return {BackendKind::Vulkan, availableRam, QString()};
    return {BackendKind::Vulkan, d.deviceLocalFreeBytes, QString::fromStdString(d.name)};
}

quint64 availableRamBytes() {
#ifdef Q_OS_WIN
    MEMORYSTATUSEX status{};
    status.dwLength = sizeof status;
    return GlobalMemoryStatusEx(&status) ? status.ullAvailPhys : 0;
#else
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (!meminfo.open(QIODevice::ReadOnly)) return 0;
    // "MemAvailable:   12345678 kB": the kernel's estimate of what can be allocated without swapping.
    for (const QByteArray& line : meminfo.readAll().split('\n'))
        if (line.startsWith("MemAvailable:"))
            return line.mid(13).trimmed().split(' ').value(0).toULongLong() * 1024;
    return 0;
#endif
}

} // namespace sosoik::app
