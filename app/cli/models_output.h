#pragma once
// How `sosoik-cli models` prints a model and its fit estimate (one place, shared by its subcommands).
#include "args.h"

#include "library/fit_estimate.h"
#include "library/local_model.h"
#include "library/model_catalog.h"

#include <string>

namespace sosoik::cli {

std::string humanBytes(quint64 bytes); // "1.2 GB" (decimal units, as download sizes are published)
// "fits", "fits with a 2048-token context", "does not fit (needs 5.1 GB)"
std::string fitText(const app::FitEstimate& fit);
void printLocalModel(const app::LocalModel& m, int context, const app::MemoryBudget& budget);
void printCatalogEntry(const app::CatalogEntry& e, int context, const app::MemoryBudget& budget,
                       bool installed);

int runModelsPull(Args& args); // cmd_models_pull.cpp

} // namespace sosoik::cli
