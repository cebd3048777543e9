#include "model/architecture.h"

#include "sosoik/error.h"

namespace sosoik::model {

extern const ArchitectureUnit kLlamaArchitecture;
extern const ArchitectureUnit kQwen2Architecture;
extern const ArchitectureUnit kQwen3Architecture;
extern const ArchitectureUnit kExaoneArchitecture;
extern const ArchitectureUnit kPhi3Architecture;
extern const ArchitectureUnit kGemma2Architecture;
extern const ArchitectureUnit kGemma3Architecture;
extern const ArchitectureUnit kExaone4Architecture;

namespace {
// One line per architecture unit.
const ArchitectureUnit* const kArchitectures[] = {
    &kLlamaArchitecture, &kQwen2Architecture,  &kQwen3Architecture,  &kExaoneArchitecture,
    &kPhi3Architecture,  &kGemma2Architecture, &kGemma3Architecture, &kExaone4Architecture,
};
} // namespace

const ArchitectureUnit* findArchitecture(std::string_view name) {
    for (const auto* a : kArchitectures)
        if (a->name == name) return a;
    return nullptr;
}

std::vector<std::string> supportedArchitectures() {
    std::vector<std::string> names;
    for (const auto* a : kArchitectures)
        names.emplace_back(a->name);
    return names;
}

const ArchitectureUnit& architectureOf(const gguf::File& file) {
    const auto arch = file.getString("general.architecture");
    if (!arch) throw Error(Error::Kind::InvalidModel, "metadata general.architecture is missing");
    if (const auto* a = findArchitecture(*arch)) return *a;
    std::string list;
    for (const auto& n : supportedArchitectures())
        list += (list.empty() ? "" : ", ") + n;
    throw Error(Error::Kind::Unsupported,
                "architecture '" + *arch + "' is not supported (supported: " + list + ")");
}

} // namespace sosoik::model
