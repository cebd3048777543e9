#pragma once
// Options shared by the commands that load a model (run, logits).
#include "args.h"

#include "sosoik/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sosoik::cli {

// "1,2,3" -> {1, 2, 3}; throws Error(InvalidArgument) on anything else.
std::vector<int32_t> parseTokenList(const std::string& text);
// Takes --backend, --device, --threads from args.
LoadOptions takeLoadOptions(Args& args);
// The -m/--model value; throws when absent.
std::string takeModelPath(Args& args);

} // namespace sosoik::cli
