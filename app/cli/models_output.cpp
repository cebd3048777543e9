#include "models_output.h"

#include <cstdio>

namespace sosoik::cli {

std::string humanBytes(quint64 bytes) {
    char buf[32];
    if (bytes >= 1000000000ull)
        std::snprintf(buf, sizeof buf, "%.1f GB", bytes / 1e9);
    else
        std::snprintf(buf, sizeof buf, "%.0f MB", bytes / 1e6);
    return buf;
}

std::string fitText(const app::FitEstimate& fit) {
    switch (fit.verdict) {
    case app::Fit::Fits:
        return "fits";
    case app::Fit::FitsShorterContext:
        return "fits with a " + std::to_string(fit.context) + "-token context";
    case app::Fit::DoesNotFit:
        return "does not fit (needs " + humanBytes(fit.neededBytes) + ")";
    }
    return {};
}

void printLocalModel(const app::LocalModel& m, int context, const app::MemoryBudget& budget) {
    const std::string origin = app::originLabel(m.origin).isEmpty()
                                   ? std::string()
                                   : " [" + app::originLabel(m.origin).toStdString() + "]";
    std::printf("  %s%s\n", qPrintable(m.name), origin.c_str());
    if (!m.supported()) {
        std::printf("      %s, %s — cannot run: %s\n",
                    m.architecture.isEmpty() ? "?" : qPrintable(m.architecture),
                    humanBytes(quint64(m.fileBytes)).c_str(), qPrintable(m.unsupportedReason));
    } else {
        const app::FitEstimate fit = app::estimateFit(m.footprint, context, budget.bytes);
        const QString languages = m.languages.isEmpty() ? QString() : ", languages " + m.languages.join(',');
        std::printf("      %s, %s, %.2f B parameters, %s, %s, context %d%s — %s\n", qPrintable(m.title),
                    qPrintable(m.architecture), m.parameterCount / 1e9, qPrintable(m.quantization),
                    humanBytes(quint64(m.fileBytes)).c_str(), m.contextLength, qPrintable(languages),
                    fitText(fit).c_str());
    }
    std::printf("      %s\n", qPrintable(m.path));
}

void printCatalogEntry(const app::CatalogEntry& e, int context, const app::MemoryBudget& budget,
                       bool installed) {
    const app::FitEstimate fit = app::estimateFit(e.footprint(budget.backend), context, budget.bytes);
    std::printf("  %-26s %s, %s, ~%s, %s%s — %s%s\n", qPrintable(e.id), qPrintable(e.title),
                qPrintable(e.quantization), humanBytes(quint64(e.approxBytes)).c_str(), qPrintable(e.licence),
                e.nonCommercial ? " (non-commercial)" : "", fitText(fit).c_str(),
                installed ? " [installed]" : "");
}

} // namespace sosoik::cli
